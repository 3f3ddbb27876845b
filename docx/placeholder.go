package docx

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholder is a "{{name}}" found in a text: [Start, End) are the byte
// offsets of the whole of it, braces included.
type Placeholder struct {
	Start, End int
	Name       string
}

// Placeholders finds the placeholders of s, left to right: "{{", optional
// spaces, a name, optional spaces, "}}". A name is letters (any script,
// so that a misspelt "{{ngày_tháng}}" is found and named), digits, "_",
// "." and "-", starting with a letter or digit. Anything else between
// braces ("{{ xin chào }}", "{{", "{{}}") is text, left as it is.
func Placeholders(s string) []Placeholder {
	var out []Placeholder
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "{{")
		if k < 0 {
			break
		}
		start := i + k
		if p, ok := placeholderAt(s, start); ok {
			out = append(out, p)
			i = p.End
			continue
		}
		i = start + 1
	}
	return out
}

// placeholderAt reads a placeholder starting at s[start:] == "{{".
func placeholderAt(s string, start int) (Placeholder, bool) {
	j := skipSpace(s, start+2)
	nameStart := j
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		first := j == nameStart
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) && !first || !first && (r == '_' || r == '.' || r == '-')) {
			break
		}
		j += size
	}
	if j == nameStart {
		return Placeholder{}, false
	}
	name := s[nameStart:j]
	j = skipSpace(s, j)
	if !strings.HasPrefix(s[j:], "}}") {
		return Placeholder{}, false
	}
	return Placeholder{Start: start, End: j + 2, Name: name}, true
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		i += size
	}
	return i
}

// Splice replaces the placeholders of the text that segs make together
// (the runs of a paragraph, however Word split them): the segment where a
// placeholder starts takes its value in place of the placeholder's
// characters, so the value keeps that run's formatting, and the
// placeholder's characters in later segments are removed. value gives the
// replacement of each placeholder, or an error that Splice collects;
// segments are returned changed only when every placeholder has a value.
func Splice(segs []string, value func(Placeholder) (string, error)) ([]string, []error) {
	joined := strings.Join(segs, "")
	ps := Placeholders(joined)
	if len(ps) == 0 {
		return segs, nil
	}
	vals := make([]string, len(ps))
	var errs []error
	for i, p := range ps {
		v, err := value(p)
		if err != nil {
			errs = append(errs, err)
		}
		vals[i] = v
	}
	if len(errs) > 0 {
		return segs, errs
	}
	out := make([]string, len(segs))
	off := 0 // offset of the segment in joined
	pi := 0  // the next placeholder not yet passed
	for si, seg := range segs {
		var b strings.Builder
		end := off + len(seg)
		for i := off; i < end; {
			for pi < len(ps) && ps[pi].End <= i {
				pi++
			}
			if pi < len(ps) && ps[pi].Start <= i {
				// Inside a placeholder: its value goes where it starts.
				if ps[pi].Start == i {
					b.WriteString(vals[pi])
				}
				i = min(ps[pi].End, end)
				continue
			}
			next := end
			if pi < len(ps) {
				next = min(next, ps[pi].Start)
			}
			b.WriteString(joined[i:next])
			i = next
		}
		out[si] = b.String()
		off = end
	}
	return out, nil
}
