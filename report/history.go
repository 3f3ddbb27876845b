package report

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
)

// WriteHistory lists stored submissions, newest first, in language l.
func WriteHistory(w io.Writer, recs []summary.Submission, l lang.Lang) error {
	bw := &errWriter{w: w}
	if len(recs) == 0 {
		bw.printf("%s\n", lang.F("Chưa có lần nộp nào.", "No submission yet.").In(l))
		return bw.err
	}
	head := lang.F("Số|Thời gian (UTC)|Trạng thái|Đơn vị|Năm|Số liệu|Tệp · sha256", "No.|Time (UTC)|State|Units|Years|Figures|File · sha256").In(l)
	h := strings.Split(head, "|")
	bw.printf("%s  %s  %s  %s  %s  %s  %s\n", padLeft(h[0], 5), pad(h[1], 19), pad(h[2], 10), pad(h[3], 24), pad(h[4], 9), padLeft(h[5], 9), h[6])
	for _, r := range recs {
		state := lang.F("hiệu lực", "in force").In(l)
		if r.State == "reverted" {
			state = lang.F("đã rút", "withdrawn").In(l)
		}
		years := ""
		if r.YearFrom != 0 {
			years = itoa(r.YearFrom) + "–" + itoa(r.YearTo)
		}
		units := strings.Join(r.Units, ",")
		if len(units) > 24 {
			units = units[:23] + "…"
		}
		bw.printf("%5d  %-19s  %s  %-24s  %s  %9s  %s · %s\n", r.ID, r.IngestedAt.Format("2006-01-02 15:04:05"), pad(state, 10),
			units, pad(years, 9), itoa(r.InForce)+"/"+itoa(r.Figures), r.File, r.SHA256[:12])
	}
	return bw.err
}

func itoa(n int) string { return strconv.Itoa(n) }

// padLeft right-aligns s in n runes.
func padLeft(s string, n int) string { return spaces(n-utf8.RuneCountInString(s)) + s }
