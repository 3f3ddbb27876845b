package main

import (
	"errors"
	"slices"

	"github.com/spf13/cobra"
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

// checkFormat refuses a format outside allowed.
func checkFormat(got string, allowed ...string) error {
	for _, f := range allowed {
		if got == f {
			return nil
		}
	}
	return fail(nil, "định dạng %q không hỗ trợ; chọn một trong %v.", "format %q is not supported; use one of %v.", got, allowed)
}
