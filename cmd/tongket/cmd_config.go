package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/report"
)

func (a *app) configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Thông tin cơ quan, người ký, nơi nhận cho báo cáo / report settings",
		Long: `Không có tham số: in các thiết lập của báo cáo (cơ quan, địa danh, số văn bản, ngày báo
cáo, nơi gửi "Kính gửi", người ký, nơi nhận, đơn vị tổng hợp). Thiết lập nào chưa có sẽ in
thành dấu chấm "……" để điền tay.
Ngày báo cáo (date): dd/mm/yyyy, "hom-nay" (ngày chạy lệnh, như khi chưa đặt) hoặc "trong"
(để dòng "ngày …… tháng …… năm ……" điền tay). Số văn bản dưới 10 được viết 05, 07.
Mỗi thiết lập cũng có thể ghi đè khi chạy "tongket summarize" bằng cờ cùng tên.` + exitStatusHelp,
		Example: `  tongket config
  tongket config set agency "CÔNG AN QUẬN HỒNG BÀNG"
  tongket config set parent-agency "CÔNG AN THÀNH PHỐ HẢI PHÒNG"
  tongket config set addressee "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc"
  tongket config set date trong
  tongket config set recipients "Công an thành phố (để b/c)" "Thường trực Quận ủy (để b/c)" "Lưu: VT, ĐCT"
  tongket config unset doc-number`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			stored, err := db.Settings(cmd.Context())
			if err != nil {
				return err
			}
			for _, s := range report.Settings {
				v := stored[s.Key]
				if v == "" {
					v = report.Blank
				}
				v = strings.ReplaceAll(v, "\n", "\n"+strings.Repeat(" ", 16))
				fmt.Fprintf(a.out, "%-14s  %s\n", s.Key, v)
			}
			return nil
		},
	}
	set := &cobra.Command{
		Use:   "set KHÓA GIÁ_TRỊ...",
		Short: "Đặt một thiết lập (nhiều giá trị = nhiều dòng, dùng cho recipients)",
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.setSetting(cmd, args[0], strings.Join(args[1:], "\n"))
		},
	}
	unset := &cobra.Command{
		Use:   "unset KHÓA",
		Short: "Xóa một thiết lập",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.setSetting(cmd, args[0], "")
		},
	}
	cmd.AddCommand(set, unset)
	return cmd
}

func (a *app) setSetting(cmd *cobra.Command, key, value string) error {
	set, err := report.SettingByKey(key)
	if err != nil {
		return fail(err, "không có thiết lập %q; xem danh sách bằng \"tongket config\".", "there is no setting %q; see \"tongket config\".", key)
	}
	if err := set.Check(value); value != "" && err != nil {
		return fail(err, "giá trị %q không hợp lệ cho %s: %s.", "%q is not a valid %s: %s.", value, key, set.Help)
	}
	db, err := a.openDB(cmd.Context())
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetSetting(cmd.Context(), key, strings.TrimSpace(value)); err != nil {
		return err
	}
	a.info("Đã lưu %s.\n", key)
	return nil
}
