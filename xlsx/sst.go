package xlsx

import (
	"io"
	"strings"
)

// maxSSTBytes bounds the text of the shared-string table, the one part
// held in memory: a bomb just under MaxUncompressed must not cost a GB.
const maxSSTBytes = 256 << 20

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
	if f.UncompressedSize64 >= 1<<32 {
		return nil, tooLarge("the shared-string table is over 4 GB")
	}
	s, done, err := b.openScanner(f, left)
	if err != nil {
		return nil, err
	}
	var (
		all  strings.Builder
		end  []uint32
		item []byte // the current <si>'s text, still _xHHHH_-escaped
		inSI bool
		inT  bool
		phon int
	)
	for {
		err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			done(false)
			return nil, partError(f, err)
		}
		switch s.kind {
		case tokStart:
			switch string(s.name) {
			case "si":
				inSI, inT, phon, item = true, false, 0, item[:0]
			case "t":
				inT = inSI && phon == 0
			case "rPh":
				phon++
			}
		case tokEnd:
			switch string(s.name) {
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
		case tokText:
			if inT {
				if len(item)+len(s.text) > maxCellBytes || all.Len()+len(item)+len(s.text) > maxSSTBytes {
					done(false)
					return nil, tooLarge("the shared-string table holds more text than a workbook can")
				}
				item = append(item, s.text...)
			}
		}
	}
	if err := done(true); err != nil {
		return nil, err
	}
	return &sharedStrings{all: all.String(), end: end}, nil
}
