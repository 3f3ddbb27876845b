package intake

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
)

var awardsNow = time.Date(2024, 12, 31, 9, 0, 0, 0, time.UTC)

// writeRoster writes a roster workbook at path: the agency line (none when
// ""), a title for 2024 and one Giấy khen row per name.
func writeRoster(t *testing.T, path, agency string, names ...string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{{agency}, {"DANH SÁCH KHEN THƯỞNG NĂM 2024"},
		{"STT", "Họ và tên / Tên tập thể", "Loại", "Chức vụ", "Đơn vị", "Tổ chức", "Hình thức", "Cấp khen", "Số quyết định", "Ngày quyết định"}}
	for i, n := range names {
		rows = append(rows, []any{i + 1, n, "Cá nhân", "", "Xã An Đồng", "Hội Nông dân", "Giấy khen", "Chủ tịch UBND huyện", "45/QĐ-UBND", "02/03/2024"})
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// inForce is every award in force as "file: name", sorted.
func inForce(t *testing.T, db *store.DB) []string {
	t.Helper()
	rs, err := db.ActiveRosters(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		for _, e := range r.Entries {
			out = append(out, filepath.ToSlash(r.File)+": "+e.Name)
		}
	}
	slices.Sort(out)
	return out
}

// TestRosterIdentityImport: two communes that send the same file name
// send two rosters; a correction replaces only its own unit's roster; the
// counts an import prints are exactly what was stored, replaced, refused.
func TestRosterIdentityImport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := store.Open(ctx, filepath.Join(dir, "t.db"), store.Options{Now: func() time.Time { return awardsNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	opt := Options{Now: func() time.Time { return awardsNow }}
	a := filepath.Join(dir, "inbox", "xa-an-dong", "DS khen thuong.xlsx")
	b := filepath.Join(dir, "inbox", "xa-dong-xuan", "DS khen thuong.xlsx")
	writeRoster(t, a, "UBND XÃ AN ĐỒNG", "Nguyễn Văn An", "Trần Thị Ánh")
	writeRoster(t, b, "UBND XÃ ĐÔNG XUÂN", "Lê Văn Ăn", "Phạm Thị Ân", "Vũ Minh Đức")

	// One batch: both stored, nothing replaced.
	res, err := ImportAwards(ctx, db, []string{filepath.Join(dir, "inbox")}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if tt := res.Totals; tt.Stored != 2 || tt.Inserted != 5 || tt.Rejected != 0 || !res.Valid {
		t.Fatalf("first import: %+v %+v", tt, res.Files)
	}
	for _, f := range res.Files {
		if f.Status != "stored" || f.Unit == nil || !strings.HasPrefix(f.Unit.Name, "UBND XÃ") {
			t.Errorf("%s: status %s, unit %+v", f.File, f.Status, f.Unit)
		}
	}
	if got := inForce(t, db); len(got) != 5 {
		t.Fatalf("in force: %v", got)
	}

	// Commune B, sent again from another folder into an emptied inbox:
	// the same roster (title lines), so a correction of B only.
	fix := filepath.Join(dir, "sua", "DS khen thuong.xlsx")
	writeRoster(t, fix, "UBND XÃ ĐÔNG XUÂN", "Lê Văn Ăn", "Phạm Thị Ân")
	res, err = ImportAwards(ctx, db, []string{fix}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Files[0]; f.Status != "replaced" || res.Totals.Stored != 1 || res.Totals.Inserted != 2 {
		t.Fatalf("correction: %+v %+v", f, res.Totals)
	}
	want := []string{
		filepath.ToSlash(a) + ": Nguyễn Văn An", filepath.ToSlash(a) + ": Trần Thị Ánh",
		filepath.ToSlash(fix) + ": Lê Văn Ăn", filepath.ToSlash(fix) + ": Phạm Thị Ân",
	}
	slices.Sort(want)
	if got := inForce(t, db); !slices.Equal(got, want) {
		t.Fatalf("after the correction:\n%v\nwant\n%v", got, want)
	}

	// A third commune with the same file name and no title lines: its own
	// roster, whatever its folder is called.
	c := filepath.Join(dir, "xa-le-thien", "DS khen thuong.xlsx")
	writeRoster(t, c, "", "Đỗ Quốc Bảo")
	res, err = ImportAwards(ctx, db, []string{c}, opt)
	if err != nil || res.Files[0].Status != "stored" || len(inForce(t, db)) != 5 {
		t.Fatalf("third commune: %v %+v %v", err, res.Files, inForce(t, db))
	}

	// Commune A's correction under another name: not taken for one. Its
	// repeats are refused, and the officer is told how to send it.
	renamed := filepath.Join(dir, "sua", "DS khen thuong (da sua).xlsx")
	writeRoster(t, renamed, "UBND XÃ AN ĐỒNG", "Nguyễn Văn An", "Trần Thị Ánh", "Hoàng Văn Dung")
	res, err = ImportAwards(ctx, db, []string{renamed}, opt)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Files[0]
	if f.Status != "rejected" || res.Totals.Rejected != 1 || res.Totals.Stored != 0 {
		t.Fatalf("renamed correction: %+v %+v", f, res.Totals)
	}
	var dups int
	var hint *finding.Finding
	for i, x := range f.Findings {
		switch {
		case x.Code == finding.DuplicateRow && x.Severity == finding.Error:
			dups++
		case x.Severity == finding.Warning:
			hint = &f.Findings[i]
		}
	}
	if dups != 2 || hint == nil || !strings.Contains(hint.Text.In(lang.VI), `"DS khen thuong.xlsx"`) {
		t.Fatalf("renamed correction findings: %d duplicates, hint %+v\n%+v", dups, hint, f.Findings)
	}
	if len(inForce(t, db)) != 5 {
		t.Fatalf("a refused file changed what is in force: %v", inForce(t, db))
	}
}

// TestRosterIdentityValidate: validating two communes' rosters of one
// file name takes neither for the other's correction, and a person in two
// rosters of one unit, once with an honorific, is a duplicate.
func TestRosterIdentityValidate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := store.Open(ctx, filepath.Join(dir, "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	opt := Options{Now: func() time.Time { return awardsNow }}
	writeRoster(t, filepath.Join(dir, "in", "a", "DS.xlsx"), "UBND XÃ AN ĐỒNG", "Nguyễn Văn An")
	writeRoster(t, filepath.Join(dir, "in", "b", "DS.xlsx"), "UBND XÃ ĐÔNG XUÂN", "Trần Thị Ánh")
	res, err := ValidateAwards(ctx, db, []string{filepath.Join(dir, "in")}, opt)
	if err != nil || !res.Valid {
		t.Fatalf("two communes: %v %+v", err, res.Files)
	}
	// The same person of the same unit, for the same form, in a second
	// roster of the commune: a duplicate.
	writeRoster(t, filepath.Join(dir, "in", "a", "DS bo sung.xlsx"), "UBND XÃ AN ĐỒNG", "Bà Nguyễn Văn An")
	res, err = ValidateAwards(ctx, db, []string{filepath.Join(dir, "in")}, opt)
	if err != nil || res.Valid || res.Stats.Errors != 1 {
		t.Fatalf("a repeat: %v %+v", err, res.Files)
	}
	// Its own file again (a/DS.xlsx sent twice in one batch, from two
	// folders) is the same roster: not its own duplicate.
	os.Remove(filepath.Join(dir, "in", "a", "DS bo sung.xlsx"))
	writeRoster(t, filepath.Join(dir, "sua", "DS.xlsx"), "UBND XÃ AN ĐỒNG", "Nguyễn Văn An")
	res, err = ValidateAwards(ctx, db, []string{filepath.Join(dir, "in"), filepath.Join(dir, "sua")}, opt)
	if err != nil || !res.Valid {
		t.Fatalf("a correction in the batch: %v %+v", err, res.Files)
	}
}
