package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/demo"
)

func (a *app) demoCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Chạy thử trên bộ số liệu mẫu có sẵn / run the main job on the bundled sample",
		Long: `Tạo một cơ sở dữ liệu mới trong thư mục tạm (hoặc -o THƯ_MỤC), nhập các biểu số liệu
mẫu của khoảng một chục quận, huyện của thành phố Hải Phòng (2008–2024, cả hai dạng
bảng, có một tệp bổ sung và một tệp cố ý có lỗi bị từ chối), rồi in số liệu tổng kết
10 năm (2013–2023) và 5 năm (2019–2024). Không đụng đến cơ sở dữ liệu của bạn.` + exitStatusHelp,
		Example: `  tongket demo
  tongket demo -o demo-output`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				d, err := os.MkdirTemp("", "tongket-demo-")
				if err != nil {
					return err
				}
				dir = d
			} else if err := os.MkdirAll(dir, 0o755); err != nil {
				return fail(err, "không tạo được thư mục %s.", "cannot create the folder %s.", dir)
			}
			return demo.Run(cmd.Context(), a.out, demo.Options{Dir: dir, Lang: a.lang, Now: a.now})
		},
	}
	cmd.Flags().StringVarP(&dir, "output", "o", "", "thư mục cho số liệu mẫu, cơ sở dữ liệu và kết quả")
	return cmd
}
