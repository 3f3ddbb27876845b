package demo

import (
	"io"
	"os"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/summary"
)

// officerText is what the sample's office writes in its sections files
// (FORMATS.md §8), as a city police department's officer would, with a
// few placeholders whose figures tongket fills on every run.
var officerText = map[string][]report.Para{
	"dac-diem": {
		para("Hải Phòng là thành phố cảng, trung tâm công nghiệp, dịch vụ của vùng duyên hải Bắc Bộ; địa bàn có nhiều khu công nghiệp, cảng biển, lao động từ các tỉnh đến làm việc đông, tình hình an ninh, trật tự có lúc, có nơi còn diễn biến phức tạp."),
		para("Được sự lãnh đạo của Thành ủy, Ủy ban nhân dân thành phố và sự phối hợp của các ban, ngành, đoàn thể, phong trào \"Toàn dân bảo vệ an ninh Tổ quốc\" giai đoạn {{giai_doan}} được triển khai đồng bộ ở {{so_don_vi}} quận, huyện."),
	},
	"lanh-dao": {
		para("Công an thành phố đã tham mưu Thành ủy, Ủy ban nhân dân thành phố ban hành các chỉ thị, kế hoạch về xây dựng phong trào; hằng năm kiện toàn Ban Chỉ đạo, tổ chức sơ kết, tổng kết và kịp thời biểu dương các điển hình tiên tiến."),
		bullet("Duy trì giao ban định kỳ giữa lực lượng Công an với Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội."),
		bullet("Gắn phong trào với cuộc vận động \"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\"."),
	},
	"uu-diem": {
		para("Phong trào được triển khai sâu rộng, thu hút đông đảo quần chúng tham gia; công tác tuyên truyền được đẩy mạnh với {{TT_BUOI}} buổi, {{TT_BUOI.so_sanh}}."),
		para("Nhiều mô hình tự quản về an ninh, trật tự hoạt động hiệu quả; {{MH_HIEUQUA.dan_dau}}."),
	},
	"han-che": {
		para("Việc báo cáo số liệu của một số đơn vị còn chậm, chưa đầy đủ (mới có {{ty_le_bao_cao}} lượt đơn vị-năm có số liệu); một số mô hình sau khi xây dựng chưa được duy trì thường xuyên."),
	},
	"nguyen-nhan": {
		para("Kết quả đạt được là do sự lãnh đạo sát sao của cấp ủy, chính quyền và sự vào cuộc của cả hệ thống chính trị; hạn chế chủ yếu do lực lượng Công an cơ sở còn mỏng, kinh phí hỗ trợ phong trào còn hạn hẹp."),
	},
	"bai-hoc": {
		{Bullet: true, Runs: []report.Run{{Text: "Phải luôn quán triệt quan điểm "}, {Text: "lấy dân làm gốc", Bold: true}, {Text: ", dựa vào dân để xây dựng phong trào."}}},
		bullet("Gắn xây dựng phong trào với nhiệm vụ phát triển kinh tế - xã hội ở từng địa phương."),
		bullet("Thường xuyên sơ kết, nhân rộng các mô hình, điển hình tiên tiến."),
	},
	"phuong-huong": {
		para("Tiếp tục đổi mới nội dung, hình thức tuyên truyền; phấn đấu 100% xã, phường có mô hình tự quản về an ninh, trật tự hoạt động hiệu quả; ứng dụng công nghệ số trong theo dõi, đánh giá phong trào."),
	},
	"kien-nghi": {
		para("Đề nghị Bộ Công an tiếp tục hỗ trợ kinh phí, trang thiết bị cho lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở và sớm ban hành hướng dẫn thống nhất tiêu chí đánh giá mô hình."),
	},
}

func para(s string) report.Para   { return report.Para{Runs: []report.Run{{Text: s}}} }
func bullet(s string) report.Para { return report.Para{Runs: []report.Run{{Text: s}}, Bullet: true} }

// writeSections writes the office's sections file for a period at path,
// unless it is there already: tongket never overwrites one.
func writeSections(path string, s *summary.Summary, d report.Document, e *roster.Export) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	o, err := report.BuildOutline(s, d, report.Options{})
	if err != nil {
		return err
	}
	for key, ps := range officerText {
		o.Fill(key, ps)
	}
	ph := report.NewPlaceholders(s, d, o, e)
	return atomicfile.Write(path, func(w io.Writer) error { return report.WriteSections(w, o, s, d, ph) })
}
