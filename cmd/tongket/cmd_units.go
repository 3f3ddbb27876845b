package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/unitlist"
)

type unitsOptions struct {
	deps
}

type unitsImportOptions struct {
	deps
	file   string
	format string
}

type unitsExportOptions struct {
	deps
	output string
}

func (a *app) unitsCmd() *cobra.Command { return newUnitsCmd(a.deps, unitsRuns{}) }

// unitsRuns, where set, run instead of runUnits, runUnitsImport and
// runUnitsExport (tests of the flags).
type unitsRuns struct {
	list func(context.Context, *unitsOptions) error
	imp  func(context.Context, *unitsImportOptions) error
	exp  func(context.Context, *unitsExportOptions) error
}

// newUnitsCmd makes "units" with "import" and "export".
func newUnitsCmd(get func() deps, runs unitsRuns) *cobra.Command {
	if runs.list == nil {
		runs.list = runUnits
	}
	if runs.imp == nil {
		runs.imp = runUnitsImport
	}
	if runs.exp == nil {
		runs.exp = runUnitsExport
	}
	o := &unitsOptions{}
	cmd := &cobra.Command{
		Use:   "units",
		Short: "Danh sách đơn vị phải báo cáo / the units expected to report",
		Long: `Không có tham số: in các đơn vị đã biết (từ danh sách đã nạp hoặc từ các biểu đã nhập), mỗi
đơn vị kèm thời gian hiệu lực, các đơn vị tiền thân và đơn vị kế thừa.
"units import" nạp danh sách chính thức (cột: Mã đơn vị | Tên đơn vị | Cấp trên | Cấp | Tên
khác | Hiệu lực từ | Hiệu lực đến; các tên khác cách nhau bằng dấu ;), kèm trang "Sáp nhập"
(Mã đơn vị cũ | Mã đơn vị mới | Ngày hiệu lực | Tỷ lệ | Căn cứ) nếu có đơn vị sáp nhập, chia
tách. Danh sách mới thay danh sách cũ; số liệu đã lưu không bao giờ bị sửa hay xóa: khi tổng
hợp, số liệu của đơn vị cũ được tính cho đơn vị kế thừa theo tỷ lệ. Sau khi nạp: tình hình báo
cáo biết ngay đơn vị nào chưa gửi dù chưa gửi lần nào; biểu ghi mã ngoài danh sách bị báo lỗi
unknown-unit; biểu chỉ ghi tên (như "Q. Hồng Bàng") được nhận ra theo tên hoặc tên khác.
"units export" ghi danh sách đang dùng ra tệp Excel, sửa rồi nạp lại được.` + exitStatusHelp,
		Example: `  tongket units
  tongket units import ds-don-vi.xlsx
  tongket units export -o ds-don-vi.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.deps = get()
			return runs.list(cmd.Context(), o)
		},
	}
	ipo := &unitsImportOptions{}
	imp := &cobra.Command{
		Use:     "import TỆP.xlsx",
		Short:   "Nạp danh sách đơn vị chính thức / import the official unit list",
		Example: "  tongket units import ds-don-vi.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ipo.deps, ipo.file = get(), args[0]
			return runs.imp(cmd.Context(), ipo)
		},
	}
	formatFlag(imp, &ipo.format, "định dạng kết quả kiểm tra: text|json", "text", "json")
	eo := &unitsExportOptions{}
	export := &cobra.Command{
		Use:     "export -o TỆP.xlsx",
		Short:   "Ghi danh sách đơn vị ra tệp Excel để sửa / write the unit list to a workbook to edit",
		Example: "  tongket units export -o ds-don-vi.xlsx",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if eo.output == "" {
				return fail(nil, "hãy chỉ tệp ghi ra bằng -o, ví dụ -o ds-don-vi.xlsx.", "name the output with -o, e.g. -o ds-don-vi.xlsx.")
			}
			eo.deps = get()
			return runs.exp(cmd.Context(), eo)
		},
	}
	export.Flags().StringVarP(&eo.output, "output", "o", "", "tệp Excel ghi ra")
	cmd.AddCommand(imp, export)
	return cmd
}

// runUnits prints the known units, each with its validity and history.
func runUnits(ctx context.Context, o *unitsOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	units, err := db.Units(ctx)
	if err != nil {
		return err
	}
	for _, u := range units {
		if err := writeUnit(o.out, u, o.lang); err != nil {
			return err
		}
	}
	if len(units) == 0 {
		fmt.Fprintln(o.out, lang.F("Chưa có đơn vị nào. Nạp danh sách bằng \"tongket units import TỆP.xlsx\".",
			"No units yet. Import the list with \"tongket units import FILE.xlsx\".").In(o.lang))
	}
	return nil
}

// writeUnit prints a unit on one line, then where it came from and where
// it went, one line each.
func writeUnit(w io.Writer, u store.UnitRecord, l lang.Lang) error {
	src := lang.F("từ biểu đã nhập", "from submissions")
	if u.Listed() {
		src = lang.F("danh sách", "list")
	}
	line := fmt.Sprintf("%-16s %-32s %-12s %-10s %s", u.Code, u.Name, u.Parent, u.Level, src.In(l))
	if u.ValidFrom != "" {
		line += lang.F("; hiệu lực từ %s", "; in force from %s", unitlist.ShowDate(u.ValidFrom)).In(l)
	}
	if u.ValidTo != "" {
		line += lang.F("; hiệu lực đến %s", "; in force until %s", unitlist.ShowDate(u.ValidTo)).In(l)
	}
	if len(u.Aliases) > 0 {
		line += lang.F("; tên khác: ", "; other names: ").In(l) + strings.Join(u.Aliases, ", ")
	}
	if _, err := fmt.Fprintln(w, strings.TrimRight(line, " ")); err != nil {
		return err
	}
	for _, h := range []struct {
		succ []unitlist.Succession
		head lang.Text
		code func(unitlist.Succession) string
	}{
		{u.Predecessors, lang.F("kế thừa từ", "succeeds"), func(s unitlist.Succession) string { return s.Old }},
		{u.Successors, lang.F("chuyển sang", "went to"), func(s unitlist.Succession) string { return s.New }},
	} {
		if len(h.succ) == 0 {
			continue
		}
		var parts []string
		for _, s := range h.succ {
			p := h.code(s)
			if s.Share != unitlist.Whole {
				p += lang.F(" (tỷ lệ %s)", " (share %s)", unitlist.ShowShare(s.Share)).In(l)
			}
			p += lang.F(" từ %s", " from %s", unitlist.ShowDate(s.Date)).In(l)
			if s.Basis != "" {
				p += ", " + s.Basis
			}
			parts = append(parts, p)
		}
		if _, err := fmt.Fprintf(w, "    %s: %s\n", h.head.In(l), strings.Join(parts, "; ")); err != nil {
			return err
		}
	}
	return nil
}

// runUnitsImport reads and checks a unit list and makes it the official
// one, or says what is wrong with it.
func runUnitsImport(ctx context.Context, o *unitsImportOptions) error {
	l := unitlist.ReadFile(o.file)
	if !l.Valid() {
		return o.writeIntake(intake.Single(l.File, l.SHA256, l.Findings), o.format)
	}
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := db.ImportList(ctx, l)
	if err != nil {
		return err
	}
	o.sayf("Đã nạp danh sách đơn vị: %d đơn vị mới, %d đơn vị cập nhật.", "Unit list imported: %d new units, %d updated.", r.Added, r.Updated)
	if r.Successions > 0 {
		o.sayf("Lịch sử sáp nhập, chia tách: %d dòng.", "History of mergers and splits: %d rows.", r.Successions)
	}
	if r.Unlisted > 0 {
		o.sayf("%d đơn vị của danh sách cũ không còn trong danh sách (%d đơn vị đã có số liệu vẫn giữ số liệu, coi như đơn vị đã nộp biểu).",
			"%d units of the previous list are not in this one (%d with figures keep them, as units known from submissions).", r.Unlisted, r.Kept)
	}
	return nil
}

// runUnitsExport writes the unit list in force to a workbook that imports
// unchanged.
func runUnitsExport(ctx context.Context, o *unitsExportOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	l, err := db.UnitList(ctx)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(o.output, func(w io.Writer) error { return unitlist.Write(w, l.Units, l.Successions) }); err != nil {
		return fail(err, "không ghi được %s.", "cannot write %s.", o.output)
	}
	fmt.Fprintln(o.out, o.output)
	return nil
}
