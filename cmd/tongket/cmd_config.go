package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/report"
)

type configOptions struct {
	deps
}

type configSetOptions struct {
	deps
	key, value string // value "" unsets
}

func (a *app) configCmd() *cobra.Command { return newConfigCmd(a.deps, nil, nil) }

// newConfigCmd makes "config" with "set" and "unset"; runF and setF, if
// set, run instead of runConfig and runConfigSet (tests of the flags).
func newConfigCmd(get func() deps, runF func(context.Context, *configOptions) error, setF func(context.Context, *configSetOptions) error) *cobra.Command {
	if runF == nil {
		runF = runConfig
	}
	if setF == nil {
		setF = runConfigSet
	}
	o := &configOptions{}
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
			o.deps = get()
			return runF(cmd.Context(), o)
		},
	}
	set := &cobra.Command{
		Use:   "set KHÓA GIÁ_TRỊ...",
		Short: "Đặt một thiết lập (nhiều giá trị = nhiều dòng, dùng cho recipients) / set a setting",
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return setF(cmd.Context(), &configSetOptions{deps: get(), key: args[0], value: strings.Join(args[1:], "\n")})
		},
	}
	unset := &cobra.Command{
		Use:   "unset KHÓA",
		Short: "Xóa một thiết lập / clear a setting",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return setF(cmd.Context(), &configSetOptions{deps: get(), key: args[0]})
		},
	}
	cmd.AddCommand(set, unset)
	return cmd
}

// runConfig lists the settings, a dotted blank for those not set.
func runConfig(ctx context.Context, o *configOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	stored, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	for _, s := range report.Settings {
		v := stored[s.Key]
		if v == "" {
			v = report.Blank
		}
		v = strings.ReplaceAll(v, "\n", "\n"+strings.Repeat(" ", 16))
		fmt.Fprintf(o.out, "%-14s  %s\n", s.Key, v)
	}
	return nil
}

// runConfigSet stores a setting, or clears it when the value is empty.
func runConfigSet(ctx context.Context, o *configSetOptions) error {
	set, value, err := report.SettingValue(o.key, o.value)
	switch {
	case errors.Is(err, report.ErrUnknownSetting):
		return fail(err, "không có thiết lập %q; xem danh sách bằng \"tongket config\".", "there is no setting %q; see \"tongket config\".", o.key)
	case err != nil:
		return fail(err, "giá trị %q không hợp lệ cho %s: %s.", "%q is not a valid %s: %s.", o.value, o.key, set.Help)
	}
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetSetting(ctx, o.key, value); err != nil {
		return err
	}
	o.sayf("Đã lưu %s.", "Saved %s.", o.key)
	return nil
}
