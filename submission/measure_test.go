package submission

import "testing"

// TestParseMeasure: the measures officers write, money as its shift to
// triệu đồng, and text that is not a measure (a unit's name).
func TestParseMeasure(t *testing.T) {
	tests := []struct {
		in    string
		ok    bool
		money bool
		shift int
		scale bool
	}{
		{"triệu đồng", true, true, 0, false},
		{"Triệu đồng", true, true, 0, false},
		{"Tr.đồng", true, true, 0, false},
		{"Tr.đ", true, true, 0, false},
		{"trđ", true, true, 0, false},
		{"Triệu VNĐ", true, true, 0, false},
		{"Triệu", true, true, 0, false},
		{"đồng", true, true, -6, false},
		{"VNĐ", true, true, -6, false},
		{"Đồng", true, true, -6, false},
		{"nghìn đồng", true, true, -3, false},
		{"Ngàn đồng", true, true, -3, false},
		{"1.000 đồng", true, true, -3, false},
		{"1000đ", true, true, -3, false},
		{"tỷ đồng", true, true, 3, false},
		{"Tỉ đồng", true, true, 3, false},
		{"buổi", true, false, 0, false},
		{"Lượt người", true, false, 0, false},
		{"nghìn lượt người", true, false, 0, true},
		{"Quận Hồng Bàng", false, false, 0, false},
		{"Huyện Thủy Nguyên", false, false, 0, false},
		{"", false, false, 0, false},
	}
	for _, tt := range tests {
		m, ok := parseMeasure(tt.in)
		if ok != tt.ok || m.money != tt.money || m.shift != tt.shift || m.scale != tt.scale {
			t.Errorf("parseMeasure(%q) = %+v, %v; want ok=%v money=%v shift=%d scale=%v", tt.in, m, ok, tt.ok, tt.money, tt.shift, tt.scale)
		}
	}
}

// TestParseColLabel: year headers as offices write them.
func TestParseColLabel(t *testing.T) {
	tests := []struct {
		in       string
		kind     colKind
		year     int
		estimate bool
		mark     bool
	}{
		{"2013", colYear, 2013, false, false},
		{"Năm 2013", colYear, 2013, false, false},
		{"NĂM 2013", colYear, 2013, false, false},
		{"Nam 2013", colYear, 2013, false, false},
		{"2022 (*)", colYear, 2022, false, true},
		{"2022(*)", colYear, 2022, false, true},
		{"2023 (ước)", colYear, 2023, true, false},
		{"Ước TH 2023", colYear, 2023, true, false},
		{"Năm 2023 (ước thực hiện)", colYear, 2023, true, false},
		{"TH 2022", colYear, 2022, false, false},
		{"Thực hiện năm 2022", colYear, 2022, false, false},
		{"2021 (số liệu chính thức)", colYear, 2021, false, true},
		{"Kế hoạch 2024", colPlan, 2024, false, false},
		{"KH 2024", colPlan, 2024, false, false},
		{"Mục tiêu 2025", colPlan, 2025, false, false},
		{"Dự kiến 2024", colPlan, 2024, false, false},
		{"Chỉ tiêu giao 2024", colPlan, 2024, false, false},
		{"Cộng 5 năm", colSubtotal, 0, false, false},
		{"Tổng cộng", colSubtotal, 0, false, false},
		{"2019-2023", colSubtotal, 0, false, false},
		{"Giai đoạn 2019 – 2023", colSubtotal, 0, false, false},
		{"Tỷ lệ %", colDerived, 0, false, false},
		{"So sánh 2023/2019", colDerived, 0, false, false},
		{"Bình quân/năm", colDerived, 0, false, false},
		{"Số lượng", colValue, 0, false, false},
		{"Kết quả", colValue, 0, false, false},
		{"Năm", colNone, 0, false, false},
		{"cột 2022", colNone, 2022, false, false},
		{"Ghi chú", colNone, 0, false, false},
		{"2.019", colYear, 2019, false, false},
		{"Trong đó: nữ", colNone, 0, false, false},
		{"2023 (cả năm, đến hết tháng 12)", colYear, 2023, false, true},
		{"Năm 2.021", colYear, 2021, false, false},
		{"1.234", colNone, 0, false, false},
		{"2023 (6 tháng)", colNone, 2023, false, false},
		{"2023 (quý III)", colNone, 2023, false, false},
		{"6 tháng đầu năm 2023", colNone, 2023, false, false},
	}
	for _, tt := range tests {
		l := parseColLabel(tt.in)
		if l.kind != tt.kind || l.kind != colNone && l.year != tt.year || l.estimate != tt.estimate || l.mark != tt.mark {
			t.Errorf("parseColLabel(%q) = %+v; want kind %d year %d estimate %v mark %v", tt.in, l, tt.kind, tt.year, tt.estimate, tt.mark)
		}
	}
}
