package roster

import (
	"bytes"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/tongket/tongket/vn"
)

// Key is the normalised form of a name used to tell whether two entries
// name the same person or collective: Unicode form, case, spacing and old
// or new tone placement ("Hoà" / "Hòa") do not matter. Never show it.
func Key(name string) string { return vn.Key(name) }

// collators are Vietnamese collators (CLDR: a < ă < â, d < đ, e < ê,
// o < ô < ơ, u < ư; tones ngang < huyền < hỏi < ngã < sắc < nặng, weighed
// after the letters). A Collator is not safe for concurrent use, hence
// the pool.
var collators = sync.Pool{New: func() any {
	return &coll{c: collate.New(language.Vietnamese), buf: new(collate.Buffer)}
}}

type coll struct {
	c   *collate.Collator
	buf *collate.Buffer
}

// partSep ends each word group of a sort key. It sorts below every byte of
// a collation key, so "An" (then anything) comes before "Anh".
var partSep = []byte{0, 0, 0, 0}

// sortKey appends the collation key of each part, separated by partSep:
// comparing the results with bytes.Compare compares the parts in turn,
// each fully (letters, then tones, then case) before the next.
func sortKey(parts ...string) []byte {
	cl := collators.Get().(*coll)
	defer collators.Put(cl)
	var out []byte
	for _, p := range parts {
		out = append(out, cl.c.KeyFromString(cl.buf, Key(p))...)
		out = append(out, partSep...)
		cl.buf.Reset()
	}
	return out
}

// SplitName splits a Vietnamese personal name into family name (the first
// word), middle names and given name (the last word): "Nguyễn Thị Minh
// Khai" → "Nguyễn", "Thị Minh", "Khai". A one-word name is a given name.
func SplitName(name string) (family, middle, given string) {
	w := strings.Fields(vn.NFC(name))
	switch len(w) {
	case 0:
		return "", "", ""
	case 1:
		return "", "", w[0]
	}
	return w[0], strings.Join(w[1:len(w)-1], " "), w[len(w)-1]
}

// SortKeyPerson is the key that puts people in the order Vietnamese
// rosters print them: by given name, then middle names, then family name,
// each in Vietnamese alphabetical order ("Nguyễn Văn An" < "Trần Thị Ánh" <
// "Lê Văn Ăn" < "Phạm Thị Ân"). Compare keys with bytes.Compare.
func SortKeyPerson(name string) []byte {
	family, middle, given := SplitName(name)
	return sortKey(given, middle, family)
}

// SortKeyCollective is the key that puts collectives in Vietnamese
// alphabetical order of their full name. Compare keys with bytes.Compare.
func SortKeyCollective(name string) []byte { return sortKey(name) }

// CompareText orders two strings (collective names, units, organisations)
// in Vietnamese alphabetical order, ignoring differences Key ignores.
func CompareText(a, b string) int { return bytes.Compare(sortKey(a), sortKey(b)) }
