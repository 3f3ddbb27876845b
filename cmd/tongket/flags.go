package main

import (
	"errors"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/report"
)

// enumValue is a string flag that takes one of a fixed set of values
// (--format, --fail-on). The value is checked where the flag is parsed, the
// one place for every command, and another value is refused in the
// officer's words.
type enumValue struct {
	p       *string
	allowed []string
	refuse  func(got string) error
}

func (e *enumValue) String() string { return *e.p }
func (e *enumValue) Type() string   { return "string" }

func (e *enumValue) Set(s string) error {
	if !slices.Contains(e.allowed, s) {
		return e.refuse(s)
	}
	*e.p = s
	return nil
}

// enumFlag adds the flag name to cmd, defaulting to allowed[0].
func enumFlag(cmd *cobra.Command, p *string, name, usage string, allowed []string, refuse func(string) error) {
	*p = allowed[0]
	cmd.Flags().Var(&enumValue{p: p, allowed: allowed, refuse: refuse}, name, usage)
	cmd.SetFlagErrorFunc(flagError)
}

// formatFlag adds --format taking one of allowed, the first the default.
func formatFlag(cmd *cobra.Command, p *string, usage string, allowed ...string) {
	enumFlag(cmd, p, "format", usage, allowed, func(got string) error { return checkFormat(got, allowed...) })
}

// formatsValue is --format taking a comma list of formats, each one of a
// fixed set (summarize, awards export): checked where it is parsed, like
// an enumValue.
type formatsValue struct {
	p       *[]string
	allowed []string
}

func (f *formatsValue) String() string { return strings.Join(*f.p, ",") }
func (f *formatsValue) Type() string   { return "string" }

func (f *formatsValue) Set(s string) error {
	list := strings.Split(s, ",")
	for _, got := range list {
		if err := checkFormat(got, f.allowed...); err != nil {
			return err
		}
	}
	*f.p = list
	return nil
}

// formatsFlag adds --format taking a comma list of allowed, def the default.
func formatsFlag(cmd *cobra.Command, p *[]string, usage string, def, allowed []string) {
	*p = def
	cmd.Flags().Var(&formatsValue{p: p, allowed: allowed}, "format", usage)
	cmd.SetFlagErrorFunc(flagError)
}

// settingValue is a flag overriding a document setting (summarize
// --agency, --date …), its value checked where it is parsed.
type settingValue struct {
	set      report.Setting
	settings map[string]string
}

func (v *settingValue) String() string { return v.settings[v.set.Key] }
func (v *settingValue) Type() string   { return "string" }

func (v *settingValue) Set(s string) error {
	if err := v.set.Check(s); s != "" && err != nil {
		return fail(err, "giá trị --%s %q không hợp lệ: %s.", "--%s %q is not valid: %s.", v.set.Key, s, v.set.Help)
	}
	v.settings[v.set.Key] = s
	return nil
}

// settingFlags adds a flag for each document setting, the values given
// going into settings.
func settingFlags(cmd *cobra.Command, settings map[string]string) {
	for _, s := range report.Settings {
		cmd.Flags().Var(&settingValue{set: s, settings: settings}, s.Key, s.Help.VI) // flags are told in Vietnamese, as every flag is
	}
	cmd.SetFlagErrorFunc(flagError)
}

// failOnFlag adds --fail-on: error (the default) or warning.
func failOnFlag(cmd *cobra.Command, p *string) {
	enumFlag(cmd, p, "fail-on", "mức làm mã thoát 1: error (mặc định) hoặc warning (có cảnh báo cũng là 1)",
		[]string{"error", "warning"}, func(string) error {
			return fail(nil, "--fail-on chỉ nhận error hoặc warning.", "--fail-on takes error or warning.")
		})
}

// flagError lets a flag's own refusal (an enum's, worded for the officer)
// through as it is, and leaves any other flag error to the parent command's
// handling.
func flagError(c *cobra.Command, err error) error {
	var ue *userError
	if errors.As(err, &ue) {
		return ue
	}
	if c.HasParent() {
		return c.Parent().FlagErrorFunc()(c, err)
	}
	return err
}

// checkFormat refuses a format outside allowed, naming the choices: the
// one wording of this refusal for every command.
func checkFormat(got string, allowed ...string) error {
	if slices.Contains(allowed, got) {
		return nil
	}
	return fail(nil, "định dạng %q không hỗ trợ; chọn %s.", "format %q is not supported; use %s.", got, orList(allowed))
}

// orList words choices as a list ending in "or": "xlsx, pdf hoặc json".
func orList(choices []string) lang.Text {
	if len(choices) < 2 {
		s := strings.Join(choices, "")
		return lang.Text{VI: s, EN: s}
	}
	head, last := strings.Join(choices[:len(choices)-1], ", "), choices[len(choices)-1]
	return lang.Text{VI: head + " hoặc " + last, EN: head + " or " + last}
}
