package intake

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
)

// WriteJSON writes the result as FORMATS.md §7 JSON, messages in l.
func (r *Result) WriteJSON(w io.Writer, l lang.Lang) error {
	r.localize(l)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

func (r *Result) localize(l lang.Lang) {
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			r.Files[i].Findings[j].Localize(l)
		}
	}
	for i := range r.Skipped {
		r.Skipped[i].Reason = r.Skipped[i].text.In(l)
	}
}

// WriteText writes one line per finding, "file: Sheet1!F12: message",
// errors before warnings, then (for ingest) one line per file, and a last
// line with the counts.
func (r *Result) WriteText(w io.Writer, l lang.Lang) error {
	r.localize(l)
	p := &printer{w: w}
	for _, sev := range []finding.Severity{finding.Error, finding.Warning} {
		for _, f := range r.Files {
			for _, fd := range f.Findings {
				if fd.Severity != sev {
					continue
				}
				if where := fd.Where(); where != "" {
					p.printf("%s: %s: %s\n", f.File, where, fd.Message)
				} else {
					p.printf("%s: %s\n", f.File, fd.Message)
				}
			}
		}
	}
	for _, s := range r.Skipped {
		p.printf("%s: %s\n", s.File, s.Reason)
	}
	if r.Totals != nil {
		for _, f := range r.Files {
			p.printf("%s: %s\n", f.File, fileOutcome(f, r.Rosters).In(l))
		}
	}
	p.printf("%s\n", r.countsLine().In(l))
	return p.err
}

func fileOutcome(f FileResult, rosters bool) lang.Text {
	switch {
	case rosters && f.Status == "stored":
		return lang.F("đã lưu (danh sách số %d): %s tập thể, cá nhân", "stored (roster %d): %s entries",
			f.SubmissionID, vn.FormatInt(int64(f.Counts.Inserted)))
	case rosters && f.Status == "skipped":
		return lang.F("bỏ qua: đúng tệp này đã được nhập (danh sách số %d)",
			"skipped: these exact bytes were already imported (roster %d)", f.SubmissionID)
	}
	switch f.Status {
	case "stored":
		return lang.F("đã lưu (lần nộp số %d): %s thêm mới, %s cập nhật, %s không đổi",
			"stored (submission %d): %s inserted, %s updated, %s unchanged",
			f.SubmissionID, vn.FormatInt(int64(f.Counts.Inserted)), vn.FormatInt(int64(f.Counts.Updated)), vn.FormatInt(int64(f.Counts.Unchanged)))
	case "replaced":
		return lang.F("đã lưu (danh sách số %d), là bản sửa và thay cho danh sách số %s của cùng đơn vị, cùng giai đoạn nhập trước đó: %s tập thể, cá nhân",
			"stored (roster %d), a correction replacing roster %s of the same unit and period imported before: %s entries",
			f.SubmissionID, joinIDs(f.Replaced), vn.FormatInt(int64(f.Counts.Inserted)))
	case "skipped":
		return lang.F("bỏ qua: đúng tệp này đã được nhập (lần nộp số %d)",
			"skipped: these exact bytes were already ingested (submission %d)", f.SubmissionID)
	}
	e, _ := finding.Count(f.Findings)
	if rosters {
		return lang.F("bị từ chối, không lưu tên nào (%d lỗi)", "rejected, nothing stored (%d errors)", e)
	}
	return lang.F("bị từ chối, không lưu số liệu nào (%d lỗi)", "rejected, nothing stored (%d errors)", e)
}

func (r *Result) countsLine() lang.Text {
	s := r.Stats
	t := lang.F("Tổng cộng: %d tệp, %d hợp lệ; %d lỗi, %d cảnh báo.",
		"Total: %d files, %d valid; %d errors, %d warnings.", s.Files, s.ValidFiles, s.Errors, s.Warnings)
	if n := len(r.Skipped); n > 0 {
		t = lang.Join(" ", t, lang.F("%d tệp khác không phải Excel, bỏ qua.", "%d other files are not Excel, skipped.", n))
	}
	if tt := r.Totals; tt != nil && r.Rosters {
		stored := lang.F("Đã lưu %d danh sách (%s tập thể, cá nhân)", "Stored %d rosters (%s entries)", tt.Stored, vn.FormatInt(int64(tt.Inserted)))
		if tt.Replaced > 0 {
			stored = lang.F("Đã lưu %d danh sách (%s tập thể, cá nhân), trong đó %d là bản sửa thay cho danh sách cũ của cùng đơn vị",
				"Stored %d rosters (%s entries), %d of them corrections replacing the same unit's earlier roster", tt.Stored, vn.FormatInt(int64(tt.Inserted)), tt.Replaced)
		}
		return lang.Join(" ", t, lang.Join("", stored, lang.F(", từ chối %d, bỏ qua %d tệp đã nhập.",
			", rejected %d, skipped %d already imported.", tt.Rejected, tt.Skipped)))
	}
	if tt := r.Totals; tt != nil {
		verb := lang.F("Đã lưu", "Stored")
		if tt.DryRun {
			verb = lang.F("Chạy thử (không lưu gì): sẽ lưu", "Dry run (nothing stored): would store")
		}
		t = lang.Join(" ", t, verb, lang.F("%d tệp, từ chối %d, bỏ qua %d tệp đã nhập; số liệu: %s thêm mới, %s cập nhật, %s không đổi.",
			"%d files, rejected %d, skipped %d already ingested; figures: %s inserted, %s updated, %s unchanged.",
			tt.Stored, tt.Rejected, tt.Skipped, vn.FormatInt(int64(tt.Inserted)), vn.FormatInt(int64(tt.Updated)), vn.FormatInt(int64(tt.Unchanged))))
	}
	return t
}

// joinIDs lists roster numbers: "3", "3, 5".
func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ", ")
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}
