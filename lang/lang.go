// Package lang holds the two languages tongket speaks to its users and the
// bilingual text values that carry every user-facing sentence.
//
// Messages are built once with both wordings and the language is picked at
// output time, so a finding can be rendered in either language without being
// re-derived.
package lang

import (
	"fmt"
	"strings"
)

// Lang is a user-facing language.
type Lang string

// The languages tongket speaks. Vietnamese is the default: the users are
// Vietnamese officers; English serves the occasional developer or auditor.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Parse accepts "vi" or "en" in any case.
func Parse(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "vi", "":
		return VI, nil
	case "en":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q (use vi or en)", s)
}

// Text is one sentence in both languages.
type Text struct {
	VI string
	EN string
}

// In returns the wording for l, falling back to Vietnamese.
func (t Text) In(l Lang) string {
	if l == EN && t.EN != "" {
		return t.EN
	}
	return t.VI
}

// F formats both wordings with the same arguments; an argument that is
// itself a Text gives each wording its own ("cho %s" with "các năm …" /
// "the years …").
func F(vi, en string, args ...any) Text {
	var enArgs []any
	for i, a := range args {
		if t, ok := a.(Text); ok {
			if enArgs == nil {
				enArgs = append([]any(nil), args...)
				args = append([]any(nil), args...)
			}
			args[i], enArgs[i] = t.VI, t.EN
		}
	}
	if enArgs == nil {
		enArgs = args
	}
	return Text{VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(en, enArgs...)}
}

// Join concatenates texts wording by wording.
func Join(sep string, ts ...Text) Text {
	var vi, en []string
	for _, t := range ts {
		if t.VI == "" && t.EN == "" {
			continue
		}
		vi = append(vi, t.VI)
		en = append(en, t.EN)
	}
	return Text{VI: strings.Join(vi, sep), EN: strings.Join(en, sep)}
}
