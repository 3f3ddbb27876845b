package report

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/tongket/tongket/summary"
)

// WriteStatus writes the completeness table: one row per unit, one column
// per year, ✓ reported, · missing and – outside the unit's life (not
// expected), with the reporting rate per year and overall.
func WriteStatus(w io.Writer, s *summary.Summary) error {
	p := s.Period
	nameW := utf8.RuneCountInString("Đơn vị")
	for _, u := range s.Units {
		nameW = max(nameW, utf8.RuneCountInString(label(u)))
	}
	nameW = min(nameW, 40)
	bw := &errWriter{w: w}
	bw.printf("Tình hình báo cáo giai đoạn %d–%d\n\n", p.From, p.To)
	bw.printf("%s", pad("Đơn vị", nameW))
	for y := p.From; y <= p.To; y++ {
		bw.printf(" %3s", strconv.Itoa(y)[2:])
	}
	bw.printf("  Đã gửi\n")
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
	bw.printf("%s", pad("Tỷ lệ (%)", nameW))
	for y := p.From; y <= p.To; y++ {
		rate := 0
		if expectedIn[y] > 0 {
			rate = perYear[y] * 100 / expectedIn[y]
		}
		bw.printf(" %3d", rate)
	}
	bw.printf("\n\nĐã nhận %d/%d báo cáo năm (%s); còn thiếu %d.\n",
		s.Completeness.Received, s.Completeness.Expected, Percent(s.Completeness.Rate()*100, false), len(s.Completeness.Missing))
	if n := outsideNote(s, "–"); n != "" {
		bw.printf("%s\n", n)
	}
	if len(s.Units) == 0 {
		bw.printf("Chưa có đơn vị nào: hãy nhập số liệu bằng \"tongket ingest THƯ_MỤC\".\n")
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
