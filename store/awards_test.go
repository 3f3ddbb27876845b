package store

import (
	"context"
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
