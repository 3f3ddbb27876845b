package roster

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortedPeople is in print order: by given name, the Vietnamese way
// (a < ă < â, d < đ, o < ô < ơ, u < ư; tones ngang < huyền < hỏi < ngã <
// sắc < nặng, weighed after the letters).
var sortedPeople = []string{
	"Nguyễn Văn An",
	"Trần Thị Ánh",
	"Lê Văn Ăn",
	"Phạm Thị Ân",
	"Đỗ Quốc Bảo",
	"Hoàng Văn Dung",
	"Vũ Minh Đức",
	"Lý Thị Hoa",
	"Phan Văn Hoà", // old tone placement, sorts as Hòa
	"Quách Thị Huế",
	"Ngô Thị Huệ",
	"Đinh Quang Khải",
	"Mai Văn Khánh",
	"Bùi Đức Long",
	"Tạ Văn Lộc",
	"Dương Văn Lợi",
	"Cao Văn Trung",
	"Hồ Xuân Trường",
	"Kiều Anh Tuấn",
	"Lã Thanh Tùng",
	"Ông Văn Tư",
	"Âu Thị Yến",
}

func shuffled(s []string, seed uint64) []string {
	out := slices.Clone(s)
	r := rand.New(rand.NewPCG(seed, seed))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// comparePeople orders two personal names as Build orders people: by
// their SortKeyPerson keys.
func comparePeople(a, b string) int { return bytes.Compare(SortKeyPerson(a), SortKeyPerson(b)) }

func TestSortPeople(t *testing.T) {
	for seed := range uint64(5) {
		got := shuffled(sortedPeople, seed)
		slices.SortFunc(got, comparePeople)
		if !slices.Equal(got, sortedPeople) {
			t.Errorf("seed %d: got\n%q\nwant\n%q", seed, got, sortedPeople)
		}
	}
}

func TestPairs(t *testing.T) {
	// a < b for each pair.
	tests := []struct {
		a, b string
		cmp  func(a, b string) int
		why  string
	}{
		{"Anh", "Ánh", CompareText, "tone after letters"},
		{"Ánh", "Ăn", CompareText, "a < ă wins over the tone"},
		{"Ăn", "Ân", CompareText, "ă < â"},
		{"Dung", "Đức", CompareText, "d < đ"},
		{"Ê", "Ô", CompareText, "e-hat before o-hat"},
		{"Ô", "Ơ", CompareText, "ô < ơ"},
		{"Ơ", "U", CompareText, "ơ < u"},
		{"U", "Ư", CompareText, "u < ư"},
		{"ma", "mà", CompareText, "ngang < huyền"},
		{"mà", "mả", CompareText, "huyền < hỏi"},
		{"mả", "mã", CompareText, "hỏi < ngã"},
		{"mã", "má", CompareText, "ngã < sắc"},
		{"má", "mạ", CompareText, "sắc < nặng"},
		{"Nguyễn Thị An", "Trần Văn An", comparePeople, "same given name: middle decides"},
		{"Lê Văn An", "Nguyễn Văn An", comparePeople, "same given and middle: family decides"},
		{"Dương Văn An", "Đặng Văn An", comparePeople, "family D < Đ"},
		{"Phạm Thị An", "Nguyễn Thị Minh An", comparePeople, "shorter middle first"},
		{"Vũ Văn An", "Lê Văn Án", comparePeople, "given An < Án before middle or family"},
		{"Trần Văn Anh", "Nguyễn Thị Ánh", comparePeople, "given name compared whole, tones included"},
		{"Nguyễn Văn An", "Trần Văn Anh", comparePeople, "An < Anh"},
		{"Chi đoàn thôn Đông", "Chi hội Phụ nữ tổ dân phố 5", CompareText, "collectives by full name: đ < h"},
		{"Công an phường Lạch Tray", "Công an xã Đặng Cương", CompareText, "p < x"},
	}
	for _, tt := range tests {
		if tt.cmp == nil {
			continue
		}
		if got := tt.cmp(tt.a, tt.b); got >= 0 {
			t.Errorf("%q vs %q = %d, want < 0 (%s)", tt.a, tt.b, got, tt.why)
		}
		if got := tt.cmp(tt.b, tt.a); got <= 0 {
			t.Errorf("%q vs %q = %d, want > 0 (%s)", tt.b, tt.a, got, tt.why)
		}
	}
}

func TestSameNameCollatesEqual(t *testing.T) {
	// Unicode form, case, spacing and tone placement do not matter.
	same := [][2]string{
		{"Phan Văn Hoà", "Phan Văn Hòa"},
		{"Nguyê\u0303n Văn An", "Nguyễn Văn An"},
		{"NGUYỄN  VĂN AN", "Nguyễn Văn An"},
		{"Lê Thị Thuý", "Lê Thị Thúy"},
	}
	for _, p := range same {
		if comparePeople(p[0], p[1]) != 0 {
			t.Errorf("comparePeople(%q, %q) != 0", p[0], p[1])
		}
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%q) != Key(%q)", p[0], p[1])
		}
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct{ in, family, middle, given string }{
		{"Nguyễn Thị Minh Khai", "Nguyễn", "Thị Minh", "Khai"},
		{"Lê Lợi", "Lê", "", "Lợi"},
		{"  Trần   Văn  An ", "Trần", "Văn", "An"},
		{"Hùng", "", "", "Hùng"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		f, m, g := SplitName(tt.in)
		if f != tt.family || m != tt.middle || g != tt.given {
			t.Errorf("SplitName(%q) = %q, %q, %q", tt.in, f, m, g)
		}
	}
}
