package main

import (
	"github.com/spf13/cobra"
)

func (a *app) initCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Tạo hoặc nâng cấp cơ sở dữ liệu, nạp danh mục chỉ tiêu / create or upgrade the database",
		Long: `Tạo tệp cơ sở dữ liệu (mặc định tongket.db trong thư mục hiện tại, hoặc --db,
hoặc biến môi trường TONGKET_DB) và nạp danh mục chỉ tiêu có sẵn. Nếu tệp đã có,
nâng cấp lược đồ lên bản mới (chỉ tiến, không lùi). Các lệnh khác tự làm việc này
khi cần.` + exitStatusHelp,
		Example: `  tongket init
  tongket --db D:\tongket\cong-an-quan.db init`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			a.info("Cơ sở dữ liệu sẵn sàng: %s\n", db.Path())
			return nil
		},
	}
}
