package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/unitlist"
	"github.com/tongket/tongket/xlsx"
)

func (a *app) unitsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "units",
		Short: "Danh sách đơn vị phải báo cáo / the units expected to report",
		Long: `Không có tham số: in các đơn vị đã biết (từ danh sách đã nạp hoặc từ các biểu đã nhập).
"units import" nạp danh sách chính thức (cột: Mã đơn vị | Tên đơn vị | Cấp trên | Cấp | Tên
khác, các tên khác cách nhau bằng dấu ;). Sau khi nạp: tình hình báo cáo biết ngay đơn vị nào
chưa gửi dù chưa gửi lần nào; biểu ghi mã ngoài danh sách bị báo lỗi unknown-unit; biểu chỉ ghi
tên (như "Q. Hồng Bàng") được nhận ra theo tên hoặc tên khác.` + exitStatusHelp,
		Example: `  tongket units
  tongket units import ds-don-vi.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			units, err := db.Units(cmd.Context())
			if err != nil {
				return err
			}
			for _, u := range units {
				src := "từ biểu đã nhập"
				if u.Source == "import" {
					src = "danh sách"
				}
				line := fmt.Sprintf("%-16s %-32s %-12s %-10s %s", u.Code, u.Name, u.Parent, u.Level, src)
				if len(u.Aliases) > 0 {
					line += "; tên khác: " + strings.Join(u.Aliases, ", ")
				}
				fmt.Fprintln(a.out, strings.TrimRight(line, " "))
			}
			if len(units) == 0 {
				fmt.Fprintln(a.out, "Chưa có đơn vị nào. Nạp danh sách bằng \"tongket units import TỆP.xlsx\".")
			}
			return nil
		},
	}
	var format string
	imp := &cobra.Command{
		Use:     "import TỆP.xlsx",
		Short:   "Nạp danh sách đơn vị chính thức",
		Example: "  tongket units import ds-don-vi.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			l := &unitlist.List{File: args[0]}
			if data, problem := table.LoadFile(args[0], xlsx.DefaultLimits); problem != nil {
				l.Findings = []finding.Finding{*problem}
			} else {
				l = unitlist.Read(args[0], data)
			}
			if !l.Valid() {
				return a.writeIntake(intake.Single(l.File, l.SHA256, l.Findings), format)
			}
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			added, updated, err := db.ImportUnits(cmd.Context(), l.Units)
			if err != nil {
				return err
			}
			a.info("Đã nạp danh sách đơn vị: %d đơn vị mới, %d đơn vị cập nhật.\n", added, updated)
			return nil
		},
	}
	imp.Flags().StringVar(&format, "format", "text", "định dạng kết quả kiểm tra: text|json")
	cmd.AddCommand(imp)
	return cmd
}
