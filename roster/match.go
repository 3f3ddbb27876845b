package roster

import (
	"strings"
	"unicode/utf8"

	"github.com/tongket/tongket/vn"
)

// matcher resolves a value as written ("hội  cựu chiến BINH") to the
// canonical spelling of a known value ("Hội Cựu chiến binh"), ignoring what
// Key ignores, and suggests the nearest known value for anything else.
type matcher struct {
	names []string
	byKey map[string]string
}

func newMatcher(names []string) *matcher {
	m := &matcher{byKey: make(map[string]string, len(names))}
	for _, n := range names {
		n = clean(n)
		k := Key(n)
		if k == "" {
			continue
		}
		if _, dup := m.byKey[k]; !dup {
			m.byKey[k] = n
			m.names = append(m.names, n)
		}
	}
	return m
}

// match returns the canonical spelling of s.
func (m *matcher) match(s string) (string, bool) {
	c, ok := m.byKey[Key(s)]
	return c, ok
}

// suggest returns the known value s most likely stands for, or "": an
// abbreviation ("HCCB", "Hội CCB", "MTTQ", "ĐTN"), then the nearest by
// edit distance, then the same letters without diacritics ("Hoi Nong
// dan"), then one containing the other ("Nông dân", "Bằng khen Bộ").
func (m *matcher) suggest(s string) string {
	if s = clean(s); s == "" {
		return ""
	}
	// An abbreviation first: it names one value exactly ("HCCB" is Hội
	// Cựu chiến binh), where the nearest by edit distance of a short
	// token is any short name ("Khác").
	bare := vn.StripAccents(s)
	squeezed := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(bare)
	for _, n := range m.names {
		for _, a := range abbreviations(n) {
			if a == squeezed {
				return n
			}
		}
	}
	if idx := vn.Closest(s, m.names, 1); len(idx) > 0 {
		return m.names[idx[0]]
	}
	for _, n := range m.names {
		if vn.StripAccents(n) == bare {
			return n
		}
	}
	k, best := Key(s), ""
	for _, n := range m.names {
		nk := Key(n)
		if (strings.Contains(k, nk) || strings.Contains(nk, k)) && len(n) > len(best) {
			best = n
		}
	}
	if best != "" {
		return best
	}
	return ""
}

// abbreviations lists the ways officers shorten a name: "Hội Cựu chiến
// binh" → "hccb", "hoiccb", "ccb", "hoicuccb", …; "Đoàn Thanh niên" →
// "dtn", "doantn", "tn", …
func abbreviations(name string) []string {
	ws := strings.Fields(vn.StripAccents(name))
	var out []string
	for start := 0; start < 2 && start < len(ws); start++ {
		for k := start; k < len(ws); k++ {
			var b strings.Builder
			for _, w := range ws[start:k] {
				b.WriteString(w)
			}
			for _, w := range ws[k:] {
				r, _ := utf8.DecodeRuneInString(w)
				b.WriteRune(r)
			}
			out = append(out, b.String())
		}
	}
	return out
}

// list is the known values for a message: all of them, or the first ten.
func (m *matcher) list() string {
	if len(m.names) > 10 {
		return strings.Join(m.names[:10], ", ") + ", …"
	}
	return strings.Join(m.names, ", ")
}

// clean is a value as stored: NFC, trimmed, runs of white space made one
// space.
func clean(s string) string {
	return strings.Join(strings.Fields(vn.NFC(s)), " ")
}
