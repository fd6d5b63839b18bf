using Microsoft.EntityFrameworkCore;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Catalogue;

/// <summary>
/// The demo catalogue of province H56: fields and procedures of the seeded agencies, in the national code shape
/// (local code = national code + lead agency code). Development data; a missing row is added, an existing one is never
/// touched, so an admin's edits survive a restart.
/// </summary>
internal static class CatalogueDemoData
{
    // Workflow keys of the published demo flows (templates/flows): on the spot, one department with the head's approval,
    // inter-agency with a call activity and a parallel branch.
    public const string OnTheSpotFlow = "tthc-tai-cho";
    public const string DepartmentFlow = "tthc-mot-phong";
    public const string InterAgencyFlow = "tthc-lien-thong";

    private const string VpUbnd = "000.00.01.H56", HomeAffairs = "000.00.02.H56", Justice = "000.00.03.H56", Finance = "000.00.04.H56",
        Industry = "000.00.05.H56", Environment = "000.00.06.H56", Construction = "000.00.07.H56", Science = "000.00.08.H56",
        Education = "000.00.09.H56", Health = "000.00.10.H56", Culture = "000.00.11.H56", Foreign = "000.00.12.H56",
        Religion = "000.00.13.H56", Inspectorate = "000.00.14.H56", IndustrialZones = "000.00.15.H56", Power = "000.00.50.H56",
        Water = "000.00.51.H56", Police = "000.00.60.H56", SocialInsurance = "000.00.61.H56";

    /// <summary>The department of each demo agency that processes its procedures (the flows' <c>processingUnit</c>).</summary>
    private static readonly Dictionary<string, string> ProcessingDepartments = new(StringComparer.Ordinal)
    {
        [VpUbnd] = "KSTT", [HomeAffairs] = "TCBM", [Justice] = "HCTP", [Finance] = "DKKD", [Industry] = "QLTM", [Environment] = "VPDKDD",
        [Construction] = "QLHDXD", [Science] = "QLCN", [Education] = "KTQLCL", [Health] = "NVY", [Culture] = "QLVH", [Foreign] = "LSNV",
        [Religion] = "TG", [Inspectorate] = "TCD", [IndustrialZones] = "QLDN", [Power] = "KD", [Water] = "KD", [Police] = "PC06",
        [SocialInsurance] = "TST",
    };

    public static readonly IReadOnlyList<(string Code, string Name)> Fields =
    [
        ("LLTP", "Lý lịch tư pháp"), ("CT", "Chứng thực"), ("HT", "Hộ tịch"), ("QT", "Quốc tịch"), ("CC", "Công chứng"),
        ("DKDN", "Thành lập và hoạt động của doanh nghiệp"), ("DT", "Đầu tư tại Việt Nam"), ("LTHCN", "Lưu thông hàng hóa trong nước"),
        ("ATTP", "An toàn thực phẩm"), ("DD", "Đất đai"), ("MT", "Môi trường"), ("HDXD", "Hoạt động xây dựng"),
        ("DBBO", "Đường bộ"), ("BCVT", "Bưu chính, viễn thông"), ("VBCC", "Văn bằng, chứng chỉ"), ("KCB", "Khám bệnh, chữa bệnh"),
        ("DUOC", "Dược phẩm"), ("VH", "Văn hóa"), ("DL", "Du lịch"), ("LSNV", "Lãnh sự, ngoại vụ"), ("TG", "Tôn giáo"),
        ("KNTC", "Giải quyết khiếu nại, tố cáo"), ("LDVL", "Lao động, việc làm"), ("TDKT", "Thi đua, khen thưởng"),
        ("DIEN", "Điện"), ("NUOC", "Cấp nước"), ("XNC", "Xuất nhập cảnh"), ("CT06", "Đăng ký, quản lý cư trú"), ("BHYT", "Bảo hiểm y tế"),
        ("BHXH", "Bảo hiểm xã hội"), ("KTTH", "Kiểm soát thủ tục hành chính"),
    ];

    public static readonly IReadOnlyList<ProcedureRequest> Procedures =
    [
        // Sở Tư pháp
        P("2.000488", Justice, "LLTP", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", 10, "Phiếu lý lịch tư pháp",
            [D("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)"), D("Bản chụp giấy tờ tùy thân (căn cước, hộ chiếu)", 0, 0, 1), D("Bản chụp giấy tờ chứng minh nơi cư trú", 0, 0, 1)],
            [ServiceFee("Phí cung cấp thông tin lý lịch tư pháp", 200_000, exemptions: "Trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người cư trú tại xã đặc biệt khó khăn; sinh viên, người có công với cách mạng: 100.000 đ/lần"),
             ServiceFee("Phí cấp Phiếu thứ 3 trở đi", 0, FeeBasis.PerCopy, first: 2, next: 5_000)],
            legal: "Luật Lý lịch tư pháp số 28/2009/QH12\nThông tư số 244/2016/TT-BTC") with { OnlineLevel = OnlineLevel.Fully, WorkflowKey = DepartmentFlow },
        P("2.000815", Justice, "CT", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận", 0, "Bản sao được chứng thực",
            [D("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"), D("Bản sao cần chứng thực", 0, 0, 1)],
            [ServiceFee("Chứng thực bản sao từ bản chính", 2_000, FeeBasis.PerPage, first: 2, next: 1_000, max: 200_000)],
            legal: "Nghị định số 23/2015/NĐ-CP\nThông tư số 226/2016/TT-BTC") with
            { Duration = new DurationDto(0, DurationUnit.SameDay), ResolvedOnTheSpot = true, OnlineLevel = OnlineLevel.None, WorkflowKey = OnTheSpotFlow, ResultTemplateCode = null },
        P("2.000884", Justice, "CT", "Chứng thực chữ ký trong các giấy tờ, văn bản", 0, "Giấy tờ, văn bản được chứng thực chữ ký",
            [D("Giấy tờ, văn bản cần chứng thực chữ ký"), D("Bản chụp giấy tờ tùy thân của người yêu cầu chứng thực", 0, 0, 1)],
            [ServiceFee("Chứng thực chữ ký", 10_000, FeeBasis.PerCopy)], legal: "Nghị định số 23/2015/NĐ-CP") with
            { Duration = new DurationDto(0, DurationUnit.SameDay), ResolvedOnTheSpot = true, OnlineLevel = OnlineLevel.None, WorkflowKey = OnTheSpotFlow, ResultTemplateCode = null },
        P("1.001022", Justice, "QT", "Thủ tục nhập quốc tịch Việt Nam", 115, "Quyết định cho nhập quốc tịch Việt Nam",
            [D("Đơn xin nhập quốc tịch Việt Nam"), D("Bản khai lý lịch"), D("Phiếu lý lịch tư pháp"), D("Giấy tờ chứng minh trình độ tiếng Việt", 0, 1, 0)],
            [Charge("Lệ phí nhập quốc tịch Việt Nam", 3_000_000, exemptions: "Người không quốc tịch thường trú ở Việt Nam từ 20 năm trở lên")],
            legal: "Luật Quốc tịch Việt Nam 2008, sửa đổi 2014\nNghị định số 16/2020/NĐ-CP") with { SupplementRule = SupplementRule.Restart },
        P("2.001719", Justice, "CC", "Đăng ký hành nghề và cấp Thẻ công chứng viên", 5, "Thẻ công chứng viên",
            [D("Đề nghị đăng ký hành nghề và cấp Thẻ công chứng viên"), D("Quyết định bổ nhiệm công chứng viên", 0, 1, 0), D("Ảnh chân dung 2cm x 3cm", 1, 0, 0, UploadTypes.Jpeg | UploadTypes.Png, 2048)],
            [Charge("Phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng", 1_000_000)], legal: "Luật Công chứng số 46/2024/QH15"),
        P("1.001695", Justice, "HT", "Đăng ký khai sinh có yếu tố nước ngoài", 3, "Giấy khai sinh",
            [D("Tờ khai đăng ký khai sinh"), D("Giấy chứng sinh"), D("Văn bản thỏa thuận lựa chọn quốc tịch cho con", 1, 0, 0)],
            [Charge("Lệ phí đăng ký khai sinh có yếu tố nước ngoài", 75_000)], legal: "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP"),

        // Sở Tài chính (đăng ký kinh doanh, đầu tư)
        P("2.002034", Finance, "DKDN", "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", 3, "Giấy chứng nhận đăng ký doanh nghiệp",
            [D("Giấy đề nghị đăng ký doanh nghiệp"), D("Điều lệ công ty"), D("Danh sách thành viên"), D("Bản sao giấy tờ pháp lý của cá nhân, tổ chức là thành viên", 0, 1, 0)],
            [Charge("Lệ phí đăng ký doanh nghiệp", 50_000, exemptions: "Miễn lệ phí khi đăng ký qua mạng thông tin điện tử"),
             new FeeDto(FeeKind.Fee, "Phí công bố nội dung đăng ký doanh nghiệp", 100_000)],
            legal: "Luật Doanh nghiệp số 59/2020/QH14\nNghị định số 168/2025/NĐ-CP\nThông tư số 47/2019/TT-BTC") with { OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
        P("2.002033", Finance, "DKDN", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", 3, "Giấy chứng nhận đăng ký doanh nghiệp",
            [D("Giấy đề nghị đăng ký doanh nghiệp"), D("Điều lệ công ty"), D("Bản sao giấy tờ pháp lý của chủ sở hữu", 0, 1, 0)],
            [Charge("Lệ phí đăng ký doanh nghiệp", 50_000, exemptions: "Miễn lệ phí khi đăng ký qua mạng thông tin điện tử"), new FeeDto(FeeKind.Fee, "Phí công bố nội dung đăng ký doanh nghiệp", 100_000)],
            legal: "Luật Doanh nghiệp số 59/2020/QH14\nNghị định số 168/2025/NĐ-CP") with { OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
        P("2.002036", Finance, "DKDN", "Đăng ký thay đổi người đại diện theo pháp luật của công ty", 3, "Giấy chứng nhận đăng ký doanh nghiệp",
            [D("Thông báo thay đổi nội dung đăng ký doanh nghiệp"), D("Nghị quyết, quyết định của chủ sở hữu hoặc Hội đồng thành viên")],
            [Charge("Lệ phí đăng ký doanh nghiệp", 50_000, exemptions: "Miễn lệ phí khi đăng ký qua mạng thông tin điện tử")],
            legal: "Luật Doanh nghiệp số 59/2020/QH14") with { OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
        P("1.005378", Finance, "DKDN", "Đăng ký thành lập doanh nghiệp liên thông với đăng ký sử dụng lao động và cấp mã số đơn vị tham gia bảo hiểm xã hội", 3,
            "Giấy chứng nhận đăng ký doanh nghiệp; mã số đơn vị tham gia bảo hiểm xã hội",
            [D("Giấy đề nghị đăng ký doanh nghiệp"), D("Điều lệ công ty"), D("Thông tin đăng ký sử dụng lao động")],
            [Charge("Lệ phí đăng ký doanh nghiệp", 50_000, exemptions: "Miễn lệ phí khi đăng ký qua mạng thông tin điện tử")],
            legal: "Luật Doanh nghiệp số 59/2020/QH14\nNghị định số 168/2025/NĐ-CP") with
            { CooperatingAgencyCodes = [SocialInsurance], OnlineLevel = OnlineLevel.Fully, WorkflowKey = InterAgencyFlow, ResultTemplateCode = null },
        P("1.009645", Finance, "DT", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", 15, "Giấy chứng nhận đăng ký đầu tư",
            [D("Văn bản đề nghị thực hiện dự án đầu tư"), D("Đề xuất dự án đầu tư"), D("Bản sao tài liệu về tư cách pháp lý của nhà đầu tư", 0, 1, 0), D("Tài liệu chứng minh năng lực tài chính của nhà đầu tư", 0, 0, 1)],
            [], legal: "Luật Đầu tư số 61/2020/QH14\nNghị định số 31/2021/NĐ-CP") with { FeeMode = FeeMode.Exempt, SupplementRule = SupplementRule.Restart },

        // Sở Công Thương
        P("2.000633", Industry, "LTHCN", "Cấp Giấy phép bán lẻ sản phẩm rượu", 10, "Giấy phép bán lẻ sản phẩm rượu",
            [D("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm rượu"), D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1, 0), D("Bản sao hợp đồng thuê địa điểm kinh doanh", 0, 0, 1)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định điều kiện kinh doanh bán lẻ rượu", 1_200_000)], legal: "Nghị định số 105/2017/NĐ-CP\nThông tư số 168/2016/TT-BTC"),
        P("2.000620", Industry, "LTHCN", "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", 15, "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu",
            [D("Đơn đề nghị cấp Giấy chứng nhận"), D("Bản kê trang thiết bị của cửa hàng"), D("Tài liệu chứng minh đáp ứng điều kiện phòng cháy, chữa cháy", 0, 1, 0)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định điều kiện kinh doanh xăng dầu", 1_200_000)], legal: "Nghị định số 83/2014/NĐ-CP\nNghị định số 95/2021/NĐ-CP"),
        P("2.000591", Industry, "ATTP", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc ngành công thương", 20, "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            [D("Đơn đề nghị cấp Giấy chứng nhận"), D("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ"), D("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất", 0, 1, 0)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định cấp Giấy chứng nhận đối với cơ sở sản xuất nhỏ lẻ", 500_000)], legal: "Luật An toàn thực phẩm số 55/2010/QH12\nNghị định số 15/2018/NĐ-CP"),

        // Sở Nông nghiệp và Môi trường
        P("1.002273", Environment, "DD", "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất", 10, "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            [D("Đơn đề nghị cấp lại Giấy chứng nhận (Mẫu số 11/ĐK)"), D("Giấy xác nhận của Công an cấp xã về việc mất giấy tờ"), D("Giấy tờ chứng minh đã niêm yết thông báo mất Giấy chứng nhận", 1, 0, 0)],
            [Charge("Lệ phí cấp lại Giấy chứng nhận quyền sử dụng đất", 50_000, exemptions: "Hộ nghèo; người có công với cách mạng")],
            legal: "Luật Đất đai số 31/2024/QH15\nNghị định số 101/2024/NĐ-CP") with
            { Duration = new DurationDto(10, DurationUnit.WorkingDays, RemoteArea: 20), ResultTemplateCode = null },
        P("1.012786", Environment, "DD", "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, liên thông xác định nghĩa vụ tài chính về đất đai", 10,
            "Giấy chứng nhận quyền sử dụng đất đã cập nhật biến động; thông báo nộp nghĩa vụ tài chính",
            [D("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)"), D("Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng"), D("Giấy chứng nhận đã cấp"),
             D("Tờ khai lệ phí trước bạ"), D("Tờ khai thuế thu nhập cá nhân")],
            [Charge("Lệ phí cấp Giấy chứng nhận (đăng ký biến động)", 30_000), new FeeDto(FeeKind.Fee, "Phí thẩm định hồ sơ cấp Giấy chứng nhận", 500_000, MaxAmount: 5_000_000)],
            legal: "Luật Đất đai số 31/2024/QH15\nNghị định số 101/2024/NĐ-CP\nLuật Quản lý thuế số 38/2019/QH14") with
            { Duration = new DurationDto(10, DurationUnit.WorkingDays, RemoteArea: 20), CooperatingAgencyCodes = [Finance], WorkflowKey = InterAgencyFlow, FeeMode = FeeMode.CollectAfter, ResultTemplateCode = null },
        P("1.004269", Environment, "DD", "Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất, liên thông xác định giá đất cụ thể", 20, "Quyết định giao đất, cho thuê đất",
            [D("Đơn xin giao đất, cho thuê đất"), D("Văn bản chấp thuận chủ trương đầu tư", 0, 1, 0), D("Trích lục bản đồ địa chính thửa đất")],
            [], legal: "Luật Đất đai số 31/2024/QH15\nNghị định số 102/2024/NĐ-CP") with
            { FeeMode = FeeMode.Exempt, CooperatingAgencyCodes = [Finance], WorkflowKey = InterAgencyFlow },
        P("1.010733", Environment, "MT", "Cấp giấy phép môi trường (cấp tỉnh)", 30, "Giấy phép môi trường",
            [D("Văn bản đề nghị cấp giấy phép môi trường"), D("Báo cáo đề xuất cấp giấy phép môi trường"), D("Bản sao báo cáo nghiên cứu khả thi của dự án", 0, 1, 0)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định cấp giấy phép môi trường", 25_000_000)], legal: "Luật Bảo vệ môi trường số 72/2020/QH14\nNghị định số 08/2022/NĐ-CP") with
            { Duration = new DurationDto(30, DurationUnit.CalendarDays), SupplementRule = SupplementRule.Restart },
        P("1.003596", Environment, "MT", "Đăng ký khai thác nước dưới đất", 10, "Xác nhận đăng ký khai thác nước dưới đất",
            [D("Tờ khai đăng ký khai thác nước dưới đất (Mẫu số 38)")], [], legal: "Luật Tài nguyên nước số 28/2023/QH15") with { FeeMode = FeeMode.Exempt, OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },

        // Sở Xây dựng
        P("1.009974", Construction, "HDXD", "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II", 15, "Giấy phép xây dựng",
            [D("Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)"), D("Bản sao giấy tờ chứng minh quyền sử dụng đất", 0, 1, 0), D("Hai bộ bản vẽ thiết kế xây dựng", 2, 0, 0), D("Văn bản thẩm duyệt thiết kế phòng cháy, chữa cháy", 0, 1, 0)],
            [Charge("Lệ phí cấp giấy phép xây dựng công trình", 150_000)], legal: "Luật Xây dựng số 50/2014/QH13, sửa đổi năm 2020\nNghị định số 175/2024/NĐ-CP") with
            { NumberOfSets = 2, CooperatingAgencyCodes = [Police], WorkflowKey = InterAgencyFlow },
        P("1.009977", Construction, "HDXD", "Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp I, cấp II", 15, "Giấy phép xây dựng điều chỉnh",
            [D("Đơn đề nghị điều chỉnh giấy phép xây dựng"), D("Bản chính giấy phép xây dựng đã được cấp"), D("Bản vẽ thiết kế điều chỉnh", 2, 0, 0)],
            [Charge("Lệ phí cấp giấy phép xây dựng công trình", 150_000)], legal: "Luật Xây dựng số 50/2014/QH13, sửa đổi năm 2020") with { NumberOfSets = 2 },
        P("1.009928", Construction, "HDXD", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", 20, "Chứng chỉ hành nghề hoạt động xây dựng",
            [D("Đơn đề nghị cấp chứng chỉ hành nghề"), D("Văn bằng được đào tạo", 0, 1, 0), D("Ảnh màu 4cm x 6cm", 2, 0, 0, UploadTypes.Jpeg | UploadTypes.Png, 2048)],
            [new FeeDto(FeeKind.Fee, "Phí sát hạch cấp chứng chỉ hành nghề", 300_000)], legal: "Nghị định số 175/2024/NĐ-CP") with { OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
        P("1.002030", Construction, "DBBO", "Cấp phù hiệu xe kinh doanh vận tải", 2, "Phù hiệu xe",
            [D("Giấy đề nghị cấp phù hiệu"), D("Bản sao giấy đăng ký xe ô tô", 0, 0, 1)], [], legal: "Nghị định số 158/2024/NĐ-CP") with
            { FeeMode = FeeMode.Exempt, OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },

        // Sở Khoa học và Công nghệ
        P("1.004470", Science, "BCVT", "Cấp giấy phép bưu chính (phạm vi nội tỉnh)", 10, "Giấy phép bưu chính",
            [D("Đơn đề nghị cấp giấy phép bưu chính"), D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1, 0), D("Phương án kinh doanh")],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định điều kiện hoạt động bưu chính", 10_000_000)], legal: "Luật Bưu chính số 49/2010/QH12\nNghị định số 47/2011/NĐ-CP"),

        // Sở Giáo dục và Đào tạo
        P("2.001914", Education, "VBCC", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", 0, "Bản sao văn bằng, chứng chỉ từ sổ gốc",
            [D("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc"), D("Bản chụp giấy tờ tùy thân", 0, 0, 1)],
            [new FeeDto(FeeKind.Fee, "Phí cấp bản sao từ sổ gốc", 3_000, FeeBasis.PerCopy)], legal: "Thông tư số 21/2019/TT-BGDĐT") with
            { Duration = new DurationDto(0, DurationUnit.SameDay), ResolvedOnTheSpot = true, WorkflowKey = OnTheSpotFlow, ResultTemplateCode = null },
        P("1.005092", Education, "VBCC", "Công nhận văn bằng tốt nghiệp trung học cơ sở, trung học phổ thông do cơ sở nước ngoài cấp", 20, "Giấy công nhận văn bằng",
            [D("Đơn đề nghị công nhận văn bằng"), D("Bản sao văn bằng và bảng kết quả học tập", 0, 1, 0), D("Bản dịch công chứng sang tiếng Việt", 0, 1, 0)],
            [], legal: "Thông tư số 13/2021/TT-BGDĐT") with { FeeMode = FeeMode.Exempt },

        // Sở Y tế
        P("1.012271", Health, "KCB", "Cấp mới giấy phép hành nghề đối với chức danh bác sĩ", 30, "Giấy phép hành nghề khám bệnh, chữa bệnh",
            [D("Đơn đề nghị cấp giấy phép hành nghề"), D("Bản sao văn bằng chuyên môn", 0, 1, 0), D("Giấy chứng nhận đủ sức khỏe để hành nghề"), D("Ảnh chân dung 4cm x 6cm", 2, 0, 0, UploadTypes.Jpeg | UploadTypes.Png, 2048)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định cấp giấy phép hành nghề", 360_000)], legal: "Luật Khám bệnh, chữa bệnh số 15/2023/QH15\nNghị định số 96/2023/NĐ-CP") with
            { Duration = new DurationDto(30, DurationUnit.CalendarDays) },
        P("1.004616", Health, "DUOC", "Cấp Chứng chỉ hành nghề dược", 20, "Chứng chỉ hành nghề dược",
            [D("Đơn đề nghị cấp Chứng chỉ hành nghề dược"), D("Bản sao văn bằng chuyên môn", 0, 1, 0), D("Giấy xác nhận thời gian thực hành chuyên môn")],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định cấp Chứng chỉ hành nghề dược", 500_000)], legal: "Luật Dược số 105/2016/QH13\nNghị định số 54/2017/NĐ-CP") with { OnlineLevel = OnlineLevel.Fully },

        // Sở Văn hóa, Thể thao và Du lịch
        P("1.001029", Culture, "VH", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", 5, "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",
            [D("Đơn đề nghị cấp Giấy phép (Mẫu số 01)"), D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1, 0)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định cấp giấy phép kinh doanh karaoke (từ 1 đến 3 phòng)", 4_000_000)], legal: "Nghị định số 54/2019/NĐ-CP\nThông tư số 01/2021/TT-BTC"),
        P("1.004628", Culture, "DL", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", 10, "Giấy phép kinh doanh dịch vụ lữ hành nội địa",
            [D("Đơn đề nghị cấp Giấy phép"), D("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành", 1, 0, 0), D("Bản sao văn bằng của người phụ trách kinh doanh", 0, 1, 0)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", 3_000_000)], legal: "Luật Du lịch số 09/2017/QH14") with { OnlineLevel = OnlineLevel.Fully },
        P("1.001432", Culture, "DL", "Cấp thẻ hướng dẫn viên du lịch nội địa", 10, "Thẻ hướng dẫn viên du lịch",
            [D("Đơn đề nghị cấp thẻ"), D("Giấy chứng nhận sức khỏe"), D("Ảnh chân dung 3cm x 4cm", 2, 0, 0, UploadTypes.Jpeg | UploadTypes.Png, 2048)],
            [new FeeDto(FeeKind.Fee, "Phí thẩm định cấp thẻ hướng dẫn viên du lịch", 650_000)], legal: "Luật Du lịch số 09/2017/QH14") with { ResultTemplateCode = null },

        // Sở Nội vụ, Văn phòng UBND, Sở Ngoại vụ, Sở Dân tộc và Tôn giáo, Thanh tra, Ban Quản lý các khu công nghiệp
        P("1.000459", HomeAffairs, "LDVL", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", 10, "Giấy phép lao động",
            [D("Văn bản đề nghị cấp giấy phép lao động"), D("Giấy chứng nhận sức khỏe"), D("Phiếu lý lịch tư pháp"), D("Bản sao hộ chiếu", 0, 1, 0), D("Ảnh màu 4cm x 6cm", 2, 0, 0, UploadTypes.Jpeg | UploadTypes.Png, 2048)],
            [Charge("Lệ phí cấp giấy phép lao động", 600_000)], legal: "Bộ luật Lao động số 45/2019/QH14\nNghị định số 219/2025/NĐ-CP") with { OnlineLevel = OnlineLevel.Fully },
        P("2.000346", HomeAffairs, "TDKT", "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 20, "Quyết định khen thưởng",
            [D("Tờ trình đề nghị khen thưởng"), D("Báo cáo thành tích", 1, 0, 0)], [], legal: "Luật Thi đua, khen thưởng số 06/2022/QH15") with { FeeMode = FeeMode.Exempt },
        P("2.002154", VpUbnd, "KTTH", "Công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh", 7, "Quyết định công bố danh mục thủ tục hành chính",
            [D("Dự thảo quyết định công bố"), D("Danh mục thủ tục hành chính")], [], legal: "Nghị định số 63/2010/NĐ-CP\nNghị định số 118/2025/NĐ-CP") with { FeeMode = FeeMode.Exempt },
        P("2.001880", Foreign, "LSNV", "Cho phép sử dụng thẻ đi lại của doanh nhân APEC (ABTC)", 10, "Văn bản cho phép sử dụng thẻ ABTC",
            [D("Văn bản đề nghị cho phép sử dụng thẻ ABTC"), D("Bản sao hộ chiếu còn giá trị", 0, 1, 0), D("Giấy tờ chứng minh hoạt động hợp tác kinh doanh với nền kinh tế thành viên APEC", 0, 0, 1)],
            [], legal: "Quyết định số 45/2006/QĐ-TTg\nNghị định số 82/2015/NĐ-CP") with { FeeMode = FeeMode.Exempt },
        P("1.001078", Religion, "TG", "Đăng ký sinh hoạt tôn giáo tập trung", 20, "Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung",
            [D("Văn bản đăng ký sinh hoạt tôn giáo tập trung"), D("Bản tóm tắt giáo lý, giáo luật, lễ nghi"), D("Giấy tờ hợp pháp về địa điểm sinh hoạt tôn giáo", 0, 1, 0)],
            [], legal: "Luật Tín ngưỡng, tôn giáo số 02/2016/QH14") with { FeeMode = FeeMode.Exempt },
        P("2.002408", Inspectorate, "KNTC", "Giải quyết khiếu nại lần hai tại cấp tỉnh", 45, "Quyết định giải quyết khiếu nại lần hai",
            [D("Đơn khiếu nại"), D("Quyết định giải quyết khiếu nại lần đầu", 0, 1, 0), D("Tài liệu, chứng cứ liên quan", 0, 0, 1)],
            [], legal: "Luật Khiếu nại số 02/2011/QH13\nNghị định số 124/2020/NĐ-CP") with
            { FeeMode = FeeMode.Exempt, Duration = new DurationDto(45, DurationUnit.CalendarDays, RemoteArea: 60), SupplementRule = SupplementRule.Restart },
        P("1.009757", IndustrialZones, "DT", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp", 15, "Giấy chứng nhận đăng ký đầu tư",
            [D("Văn bản đề nghị thực hiện dự án đầu tư"), D("Đề xuất dự án đầu tư"), D("Bản sao tài liệu về tư cách pháp lý của nhà đầu tư", 0, 1, 0)],
            [], legal: "Luật Đầu tư số 61/2020/QH14") with { FeeMode = FeeMode.Exempt, OnlineLevel = OnlineLevel.Fully },

        // Companies: electricity and water
        P("2.002287", Power, "DIEN", "Cấp điện mới từ lưới điện hạ áp", 3, "Hợp đồng mua bán điện và công tơ được lắp đặt",
            [D("Giấy đề nghị mua điện"), D("Bản chụp giấy tờ tùy thân", 0, 0, 1), D("Bản chụp giấy tờ về quyền sử dụng nhà, đất", 0, 0, 1)],
            [], legal: "Luật Điện lực số 61/2024/QH15\nThông tư số 25/2016/TT-BCT") with { FeeMode = FeeMode.Exempt, OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
        P("2.002288", Water, "NUOC", "Lắp đặt đồng hồ nước, đấu nối cấp nước sinh hoạt", 5, "Hợp đồng dịch vụ cấp nước",
            [D("Đơn đề nghị cấp nước"), D("Bản chụp giấy tờ về quyền sử dụng nhà, đất", 0, 0, 1)],
            [new FeeDto(FeeKind.Fee, "Chi phí lắp đặt đồng hồ và đấu nối", 1_500_000)], legal: "Nghị định số 117/2007/NĐ-CP") with { FeeMode = FeeMode.CollectAfter, ResultTemplateCode = null },

        // Công an tỉnh, Bảo hiểm xã hội tỉnh
        P("2.002257", Police, "XNC", "Cấp hộ chiếu phổ thông ở trong nước (cấp tỉnh)", 8, "Hộ chiếu phổ thông",
            [D("Tờ khai đề nghị cấp hộ chiếu (Mẫu TK01)"), D("Ảnh chân dung 4cm x 6cm", 2, 0, 0, UploadTypes.Jpeg | UploadTypes.Png, 2048)],
            [Charge("Lệ phí cấp hộ chiếu", 200_000)], legal: "Luật Xuất cảnh, xuất nhập cảnh của công dân Việt Nam số 49/2019/QH14\nThông tư số 25/2021/TT-BTC") with
            { OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
        P("1.012284", Police, "DBBO", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", 5, "Giấy phép lái xe",
            [D("Đơn đề nghị đổi giấy phép lái xe"), D("Giấy khám sức khỏe của người lái xe"), D("Bản chụp giấy phép lái xe", 0, 0, 1)],
            [Charge("Lệ phí cấp giấy phép lái xe", 135_000)], legal: "Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15") with { OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
        P("1.001193", Justice, "HT", "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", 3,
            "Giấy khai sinh; xác nhận đăng ký thường trú; thẻ bảo hiểm y tế",
            [D("Tờ khai đăng ký khai sinh"), D("Giấy chứng sinh"), D("Tờ khai thay đổi thông tin cư trú (CT01)"), D("Tờ khai tham gia bảo hiểm y tế (TK1-TS)")],
            [], legal: "Luật Hộ tịch số 60/2014/QH13\nLuật Cư trú số 68/2020/QH14\nLuật Bảo hiểm y tế\nNghị định số 63/2024/NĐ-CP") with
            { FeeMode = FeeMode.Exempt, CooperatingAgencyCodes = [Police, SocialInsurance], OnlineLevel = OnlineLevel.Fully, WorkflowKey = InterAgencyFlow, ResultTemplateCode = null,
              Duration = new DurationDto(3, DurationUnit.WorkingDays, SecondStage: 5) },
        P("1.002786", SocialInsurance, "BHYT", "Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng", 0, "Thẻ bảo hiểm y tế",
            [D("Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (TK1-TS)")], [], legal: "Luật Bảo hiểm y tế số 25/2008/QH12, sửa đổi 2024") with
            { FeeMode = FeeMode.Exempt, Duration = new DurationDto(4, DurationUnit.WorkingHours), ResolvedOnTheSpot = true, OnlineLevel = OnlineLevel.Fully, WorkflowKey = OnTheSpotFlow, ResultTemplateCode = null },
        P("1.002766", SocialInsurance, "BHXH", "Giải quyết hưởng chế độ thai sản", 6, "Quyết định hưởng chế độ thai sản",
            [D("Bản sao giấy khai sinh hoặc trích lục khai sinh của con", 0, 1, 0), D("Danh sách đề nghị giải quyết hưởng chế độ (Mẫu 01B-HSB)")],
            [], legal: "Luật Bảo hiểm xã hội số 41/2024/QH15") with { FeeMode = FeeMode.Exempt, OnlineLevel = OnlineLevel.Fully },
        P("1.002780", SocialInsurance, "BHXH", "Cấp lại sổ bảo hiểm xã hội do bị mất, hỏng", 10, "Sổ bảo hiểm xã hội",
            [D("Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội (TK1-TS)")], [], legal: "Luật Bảo hiểm xã hội số 41/2024/QH15") with
            { FeeMode = FeeMode.Exempt, OnlineLevel = OnlineLevel.Fully, ResultTemplateCode = null },
    ];

    /// <summary>Adds the demo fields and procedures that are missing; never changes existing rows.</summary>
    public static async Task SeedAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        var fields = await db.CatalogueFields.Select(f => f.Code).ToListAsync(cancellationToken);
        db.CatalogueFields.AddRange(Fields.Where(f => !fields.Contains(f.Code)).Select(f => new Field { Code = f.Code, Name = f.Name }));
        await db.SaveChangesAsync(cancellationToken);

        var lookup = await CatalogueLookup.LoadAsync(db, cancellationToken);
        foreach (var request in Procedures.Where(p => !lookup.LocalCodes.ContainsKey(p.LocalCode!)))
        {
            var errors = CatalogueRules.Validate(request, lookup, id: null);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Demo procedure {request.LocalCode} is invalid: "
                    + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }

            var procedure = new Procedure { NationalCode = "", LocalCode = "", Name = "", Duration = new ProcedureDuration() };
            CatalogueRules.Apply(request, procedure, lookup);
            db.CatalogueProcedures.Add(procedure);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static ProcedureRequest P(
        string nationalCode, string agency, string field, string name, decimal workingDays, string result,
        DocumentDto[] documents, FeeDto[] fees, string legal) => new()
    {
        NationalCode = nationalCode,
        LocalCode = $"{nationalCode}.{agency}",
        Name = name,
        FieldCode = field,
        LeadAgencyCode = agency,
        LegalBasis = legal,
        Documents = documents,
        Duration = new DurationDto(workingDays, DurationUnit.WorkingDays),
        Fees = fees,
        FeeMode = fees.Length == 0 ? FeeMode.Exempt : FeeMode.CollectBefore,
        OnlineLevel = OnlineLevel.Partly,
        ResultType = result,
        WorkflowKey = DepartmentFlow,
        ProcessingDepartmentCode = ProcessingDepartments[agency],
        ResultTemplateCode = "generic-decision",
        SupplementRule = SupplementRule.Pause,
        EffectiveFrom = new DateOnly(2025, 7, 1),
    };

    private static DocumentDto D(string name, int originals = 1, int certifiedCopies = 0, int photocopies = 0,
        UploadTypes fileTypes = UploadTypes.None, int? maxUploadKb = null) => new(name, originals, certifiedCopies, photocopies, fileTypes, maxUploadKb);

    /// <summary>A lệ phí line.</summary>
    private static FeeDto Charge(string description, decimal amount, FeeBasis basis = FeeBasis.PerDossier,
        int? first = null, decimal? next = null, decimal? max = null, string? exemptions = null) =>
        new(FeeKind.Charge, description, amount, basis, first, next, max, exemptions);

    /// <summary>A phí line.</summary>
    private static FeeDto ServiceFee(string description, decimal amount, FeeBasis basis = FeeBasis.PerDossier,
        int? first = null, decimal? next = null, decimal? max = null, string? exemptions = null) =>
        new(FeeKind.Fee, description, amount, basis, first, next, max, exemptions);
}
