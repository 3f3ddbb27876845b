package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/tongket/tongket/summary"
)

// WriteHistory lists stored submissions, newest first.
func WriteHistory(w io.Writer, recs []summary.Submission) error {
	bw := &errWriter{w: w}
	if len(recs) == 0 {
		bw.printf("Chưa có lần nộp nào.\n")
		return bw.err
	}
	bw.printf("%5s  %-19s  %-10s  %-24s  %-9s  %9s  %s\n", "Số", "Thời gian (UTC)", "Trạng thái", "Đơn vị", "Năm", "Số liệu", "Tệp · sha256")
	for _, r := range recs {
		state := "hiệu lực"
		if r.State == "reverted" {
			state = "đã rút"
		}
		years := ""
		if r.YearFrom != 0 {
			years = itoa(r.YearFrom) + "–" + itoa(r.YearTo)
		}
		units := strings.Join(r.Units, ",")
		if len(units) > 24 {
			units = units[:23] + "…"
		}
		bw.printf("%5d  %-19s  %-10s  %-24s  %-9s  %9s  %s · %s\n", r.ID, r.IngestedAt.Format("2006-01-02 15:04:05"), state,
			units, years, itoa(r.InForce)+"/"+itoa(r.Figures), r.File, r.SHA256[:12])
	}
	return bw.err
}

func itoa(n int) string { return strconv.Itoa(n) }
