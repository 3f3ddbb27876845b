package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/summary"
)

func TestAwards(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "a.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lists, err := db.AwardLists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lists.Organisations, []string{"Công an", "Mặt trận Tổ quốc", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "Khác"}) ||
		!slices.Equal(lists.Forms, []string{"Bằng khen", "Giấy khen", "Biểu dương"}) {
		t.Fatalf("lists %+v", lists)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	r := &roster.Roster{File: "kt.xlsx", SHA256: "abc", Sheet: "DS", Entries: []roster.Entry{
		{Name: "Nguyễn Văn An", Kind: roster.Individual, Organisation: "Hội Nông dân", Form: "Giấy khen", DecisionDate: day(2019, 1, 1), Row: 5},
		{Name: "Chi hội Đông Xuân", Kind: roster.Collective, Organisation: "Hội Nông dân", Form: "Bằng khen", DecisionDate: day(2024, 12, 31), Row: 6},
		{Name: "Trần Thị Ánh", Kind: roster.Individual, Organisation: "Hội Liên hiệp Phụ nữ", Form: "Giấy khen", DecisionDate: day(2018, 12, 31), Row: 7},
	}}
	res, err := db.ImportRoster(ctx, r)
	if err != nil || res.Skipped || res.Inserted != 3 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if again, _ := db.ImportRoster(ctx, r); !again.Skipped || again.SubmissionID != res.SubmissionID {
		t.Fatalf("same bytes again: %+v", again)
	}
	got, err := db.Awards(ctx, 2019, 2024)
	if err != nil || len(got) != 2 || got[0].Name != "Nguyễn Văn An" || !got[1].DecisionDate.Equal(day(2024, 12, 31)) || got[1].Row != 6 {
		t.Fatalf("awards 2019-2024: %+v %v", got, err)
	}
	s, err := db.Summarize(ctx, summary.Period{From: 2019, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	a := s.Awards
	if a.Total != 2 || a.ByKind[roster.Collective] != 1 || a.ByKind[roster.Individual] != 1 || a.ByOrganisation["Hội Nông dân"] != 2 || a.ByForm["Giấy khen"] != 1 {
		t.Fatalf("award counts %+v", a)
	}
}

// TestRosterIdentity: a roster replaces one in force only when it is the
// same roster (FORMATS.md §4.1: the same unit's, by its title lines or
// its folder, for the same years, under the same file name), never on its
// file name alone.
func TestRosterIdentity(t *testing.T) {
	ctx := context.Background()
	entry := roster.Entry{Name: "Nguyễn Văn An", Kind: roster.Individual, Organisation: "Hội Nông dân", Form: "Giấy khen",
		DecisionDate: time.Date(2024, 8, 1, 0, 0, 0, 0, time.UTC), Row: 5}
	mk := func(sha, file, heading string, years [2]int) *roster.Roster {
		r := &roster.Roster{File: file, SHA256: sha, Sheet: "DS", Heading: heading, Years: years,
			Folder: filepath.Base(filepath.Dir(file)), Entries: []roster.Entry{entry}}
		return r
	}
	y24 := [2]int{2024, 2024}
	tests := []struct {
		name     string
		first    *roster.Roster
		second   *roster.Roster
		replaced bool
	}{
		{"two communes, one file name, named in their title lines",
			mk("a1", "inbox/DS khen thuong.xlsx", "ubnd xã an đồng | danh sách khen thưởng", y24),
			mk("a2", "inbox/DS khen thuong.xlsx", "ubnd xã đông xuân | danh sách khen thưởng", y24), false},
		{"two communes, one file name, in their own folders",
			mk("b1", "inbox/xa-an-dong/DS khen thuong.xlsx", "", y24),
			mk("b2", "inbox/xa-dong-xuan/DS khen thuong.xlsx", "", y24), false},
		{"a correction in another folder, the unit in its title lines",
			mk("c1", "inbox/DS.xlsx", "ubnd xã an đồng | danh sách khen thưởng", y24),
			mk("c2", "sua/DS.xlsx", "ubnd xã an đồng | danh sách khen thưởng", y24), true},
		{"a correction in the same folder, no title lines",
			mk("d1", "xa-an-dong/DS.xlsx", "", y24),
			mk("d2", "xa-an-dong/DS.xlsx", "", y24), true},
		{"the same unit's roster of another year",
			mk("e1", "inbox/DS.xlsx", "ubnd xã an đồng | danh sách khen thưởng", [2]int{2023, 2023}),
			mk("e2", "inbox/DS.xlsx", "ubnd xã an đồng | danh sách khen thưởng", y24), false},
		{"the same unit and year under another name",
			mk("f1", "inbox/DS.xlsx", "ubnd xã an đồng | danh sách khen thưởng", y24),
			mk("f2", "inbox/DS (sua).xlsx", "ubnd xã an đồng | danh sách khen thưởng", y24), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(ctx, filepath.Join(t.TempDir(), "a.db"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.ImportRoster(ctx, tt.first); err != nil {
				t.Fatal(err)
			}
			res, err := db.ImportRoster(ctx, tt.second)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(res.Replaced) > 0; got != tt.replaced {
				t.Errorf("replaced %v, want %v", res.Replaced, tt.replaced)
			}
			active, err := db.ActiveRosters(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := 2
			if tt.replaced {
				want = 1
			}
			if len(active) != want || active[len(active)-1].File != tt.second.File || len(active[len(active)-1].Entries) != 1 {
				t.Fatalf("%d rosters in force, want %d: %+v", len(active), want, active)
			}
			if a := active[len(active)-1]; a.Identity != tt.second.Identity() {
				t.Errorf("stored identity %+v, read %+v", a.Identity, tt.second.Identity())
			}
		})
	}
}

// TestMigrateRosterIdentity: rosters stored before migration 6 keep their
// entries, and have no unit, heading, folder or years, so nothing read
// from a file replaces them on its name alone.
func TestMigrateRosterIdentity(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v5.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range append(slices.Clone(migrations[:5]),
		`INSERT INTO meta VALUES('schema_version', '5')`,
		`INSERT INTO rosters(id, file_name, sha256, size, sheet, entries, ingested_at) VALUES(1, 'inbox/DS.xlsx', 'old', 1, 'DS', 1, '2024-01-01T00:00:00Z')`,
		`INSERT INTO awards(roster_id, name, kind, position, unit, organisation, form, authority, decision_number, decision_date, achievement, sheet, row)
			VALUES(1, 'Trần Thị Mai', 'Cá nhân', '', 'Xã An Đồng', 'Hội Nông dân', 'Giấy khen', '', '', '2024-08-01', '', 'DS', 5)`) {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	active, err := db.ActiveRosters(ctx)
	if err != nil || len(active) != 1 || len(active[0].Entries) != 1 || active[0].Entries[0].Name != "Trần Thị Mai" {
		t.Fatalf("rosters after the migration: %+v %v", active, err)
	}
	if id := active[0].Identity; id != (roster.Identity{Name: "DS.xlsx"}) {
		t.Errorf("identity %+v", id)
	}
	res, err := db.ImportRoster(ctx, &roster.Roster{File: "inbox/DS.xlsx", SHA256: "new", Sheet: "DS", Folder: "inbox",
		Entries: []roster.Entry{{Name: "Lê Văn Ăn", Kind: roster.Individual, Organisation: "Hội Nông dân", Form: "Giấy khen",
			DecisionDate: time.Date(2024, 8, 1, 0, 0, 0, 0, time.UTC)}}})
	if err != nil || len(res.Replaced) != 0 {
		t.Fatalf("a roster of the same name replaced %v (%v)", res.Replaced, err)
	}
}
