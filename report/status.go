package report

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
)

// WriteStatus writes the completeness table in language l: one row per
// unit, one column per year, ✓ reported, · missing and – outside the
// unit's life (not expected), with the reporting rate per year and overall.
func WriteStatus(w io.Writer, s *summary.Summary, l lang.Lang) error {
	p := s.Period
	unitH := lang.F("Đơn vị", "Unit").In(l)
	nameW := utf8.RuneCountInString(unitH)
	for _, u := range s.Units {
		nameW = max(nameW, utf8.RuneCountInString(label(u)))
	}
	nameW = min(nameW, 40)
	bw := &errWriter{w: w}
	bw.printf("%s\n\n", lang.F("Tình hình báo cáo giai đoạn %d–%d", "Reports received, %d–%d", p.From, p.To).In(l))
	bw.printf("%s", pad(unitH, nameW))
	for y := p.From; y <= p.To; y++ {
		bw.printf(" %3s", strconv.Itoa(y)[2:])
	}
	bw.printf("  %s\n", lang.F("Đã gửi", "Sent").In(l))
	perYear, expectedIn := map[int]int{}, map[int]int{}
	for _, u := range s.Units {
		bw.printf("%s", pad(clip(label(u), nameW), nameW))
		n, due := 0, 0
		for y := p.From; y <= p.To; y++ {
			got, outside := yearMark(u, y)
			mark := "·"
			switch {
			case got:
				mark = "✓"
			case outside:
				mark = "–" // not expected: outside the unit's life (FORMATS.md §10)
			}
			if !outside {
				expectedIn[y]++
				due++
				if got {
					perYear[y]++
					n++
				}
			}
			bw.printf(" %3s", mark)
		}
		bw.printf("  %d/%d\n", n, due)
	}
	bw.printf("%s", pad(lang.F("Tỷ lệ (%%)", "Rate (%%)").In(l), nameW))
	for y := p.From; y <= p.To; y++ {
		rate := 0
		if expectedIn[y] > 0 {
			rate = perYear[y] * 100 / expectedIn[y]
		}
		bw.printf(" %3d", rate)
	}
	bw.printf("\n\n%s\n", lang.F("Đã nhận %d/%d báo cáo năm (%s); còn thiếu %d.", "Received %d/%d yearly reports (%s); %d missing.",
		s.Completeness.Received, s.Completeness.Expected, Percent(s.Completeness.Rate()*100, false), len(s.Completeness.Missing)).In(l))
	if n := outsideNote(s, "–"); n != "" {
		if l == lang.EN {
			n = "\"–\": a year outside the unit's life (not yet formed, merged, split or dissolved), not counted as missing."
		}
		bw.printf("%s\n", n)
	}
	if len(s.Units) == 0 {
		bw.printf("%s\n", lang.F("Chưa có đơn vị nào: hãy nhập số liệu bằng \"tongket ingest THƯ_MỤC\".", "No unit yet: store figures with \"tongket ingest FOLDER\".").In(l))
	}
	return bw.err
}

func label(u summary.Unit) string {
	if u.Name == "" {
		return u.Code
	}
	return u.Name + " (" + u.Code + ")"
}

func pad(s string, n int) string { return s + spaces(n-utf8.RuneCountInString(s)) }

// errWriter keeps the first write error so a table is written without an
// error check on every cell.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}
