package xlsx

import (
	"encoding/xml"
	"io"
	"strings"
)

// sharedStrings is the shared-string table as one string plus offsets:
// one allocation for the whole table, and cells get substrings of it for
// free.
type sharedStrings struct {
	all string
	end []uint32 // string i is all[end[i-1]:end[i]]; end[-1] is 0
}

func (s *sharedStrings) len() int { return len(s.end) }

func (s *sharedStrings) get(i int) string {
	start := uint32(0)
	if i > 0 {
		start = s.end[i-1]
	}
	return s.all[start:s.end[i]]
}

// sharedStrings loads the table once per Book, on first use.
func (b *Book) sharedStrings() (*sharedStrings, int64, error) {
	b.sstOnce.Do(func() {
		b.sst = &sharedStrings{}
		if b.sstZF == nil {
			return
		}
		left := b.lim.MaxUncompressed - b.meta
		b.sst, b.sstErr = b.readSST(&left)
		b.sstUsed = b.lim.MaxUncompressed - b.meta - left
	})
	return b.sst, b.sstUsed, b.sstErr
}

// readSST reads <sst>: each <si> is either a plain <t> or rich-text runs
// <r><t>…</t></r> whose texts are concatenated; <rPh> phonetic runs
// (furigana) are not part of the value.
func (b *Book) readSST(left *int64) (*sharedStrings, error) {
	f := b.sstZF
	d, done, err := b.openPart(f, left)
	if err != nil {
		return nil, err
	}
	var (
		all     strings.Builder
		end     []uint32
		item    []byte // the current <si>'s text, still escaped
		inSI    bool
		inT     bool
		phon    int
		maxSize = uint64(1<<32 - 1)
	)
	if f.UncompressedSize64 >= maxSize {
		done(false)
		return nil, tooLarge("the shared-string table is over 4 GB")
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			done(false)
			return nil, partError(f, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, inT, phon, item = true, false, 0, item[:0]
			case "t":
				inT = inSI && phon == 0
			case "rPh":
				phon++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if inSI {
					all.Write(unescapeInPlace(item))
					end = append(end, uint32(all.Len()))
					inSI = false
				}
			case "t":
				inT = false
			case "rPh":
				phon = max(phon-1, 0)
			}
		case xml.CharData:
			if inT {
				item = append(item, t...)
			}
		}
	}
	if err := done(true); err != nil {
		return nil, err
	}
	return &sharedStrings{all: all.String(), end: end}, nil
}
