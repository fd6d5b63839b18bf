using OneStop.Host.Features.Agencies;
using OneStop.Host.Identity;

namespace OneStop.Host.Seeding;

/// <summary>
/// The demo province (code H56): the agencies of a provincial service centre after the 2025 reorganisation —
/// 15 departments and equivalent bodies, 2 companies, the Provincial Police and Social Insurance — with a few units each.
/// </summary>
internal static class DemoData
{
    public sealed record DepartmentSeed(string Code, string Name);

    public sealed record AgencySeed(string Code, string Name, string ShortName, AgencyKind Kind, IReadOnlyList<DepartmentSeed> Departments);

    public sealed record UserSeed(string UserName, string FullName, string Role, string? AgencyCode, string? DepartmentCode);

    public sealed record CounterSeed(int Number, string Name, string AgencyCode);

    /// <summary>Password of every demo user; Development only, listed in the README.</summary>
    public const string DemoPassword = "OneStop@2026";

    public const string CentreCode = "000.00.30.H56";
    public const string JusticeCode = "000.00.03.H56";

    public const string PoliceCode = "000.00.60.H56";

    private static readonly DepartmentSeed Office = new("VP", "Văn phòng");

    public static readonly IReadOnlyList<AgencySeed> Agencies =
    [
        new(CentreCode, "Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC", AgencyKind.ServiceCentre,
            [Office, new("TNTKQ", "Bộ phận Tiếp nhận và Trả kết quả"), new("GSKS", "Phòng Giám sát, kiểm soát")]),
        new("000.00.01.H56", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND", AgencyKind.Department,
            [Office, new("HCTC", "Phòng Hành chính - Tổ chức"), new("KSTT", "Phòng Kiểm soát thủ tục hành chính")]),
        new("000.00.02.H56", "Sở Nội vụ", "SNV", AgencyKind.Department,
            [Office, new("TCBM", "Phòng Tổ chức bộ máy"), new("LDVL", "Phòng Lao động - Việc làm")]),
        new(JusticeCode, "Sở Tư pháp", "STP", AgencyKind.Department,
            [Office, new("BGD", "Ban Giám đốc"), new("HCTP", "Phòng Hành chính tư pháp"), new("BTTP", "Phòng Bổ trợ tư pháp")]),
        new("000.00.04.H56", "Sở Tài chính", "STC", AgencyKind.Department,
            [Office, new("DKKD", "Phòng Đăng ký kinh doanh"), new("QLGCS", "Phòng Quản lý giá và công sản")]),
        new("000.00.05.H56", "Sở Công Thương", "SCT", AgencyKind.Department,
            [Office, new("QLTM", "Phòng Quản lý thương mại"), new("QLNL", "Phòng Quản lý năng lượng")]),
        new("000.00.06.H56", "Sở Nông nghiệp và Môi trường", "SNNMT", AgencyKind.Department,
            [Office, new("VPDKDD", "Văn phòng Đăng ký đất đai"), new("QLDD", "Phòng Quản lý đất đai"), new("MT", "Phòng Môi trường")]),
        new("000.00.07.H56", "Sở Xây dựng", "SXD", AgencyKind.Department,
            [Office, new("QLHDXD", "Phòng Quản lý hoạt động xây dựng"), new("QLVT", "Phòng Quản lý vận tải")]),
        new("000.00.08.H56", "Sở Khoa học và Công nghệ", "SKHCN", AgencyKind.Department,
            [Office, new("QLCN", "Phòng Quản lý công nghệ"), new("BCVT", "Phòng Bưu chính, viễn thông")]),
        new("000.00.09.H56", "Sở Giáo dục và Đào tạo", "SGDĐT", AgencyKind.Department,
            [Office, new("KTQLCL", "Phòng Khảo thí và Quản lý chất lượng")]),
        new("000.00.10.H56", "Sở Y tế", "SYT", AgencyKind.Department,
            [Office, new("NVY", "Phòng Nghiệp vụ Y"), new("NVD", "Phòng Nghiệp vụ Dược")]),
        new("000.00.11.H56", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", AgencyKind.Department,
            [Office, new("QLVH", "Phòng Quản lý văn hóa"), new("QLDL", "Phòng Quản lý du lịch")]),
        new("000.00.12.H56", "Sở Ngoại vụ", "SNgV", AgencyKind.Department,
            [Office, new("LSNV", "Phòng Lãnh sự")]),
        new("000.00.13.H56", "Sở Dân tộc và Tôn giáo", "SDTTG", AgencyKind.Department,
            [Office, new("TG", "Phòng Tôn giáo")]),
        new("000.00.14.H56", "Thanh tra tỉnh", "TTr", AgencyKind.Department,
            [Office, new("TCD", "Phòng Tiếp công dân và xử lý đơn")]),
        new("000.00.15.H56", "Ban Quản lý các khu công nghiệp tỉnh", "BQLKCN", AgencyKind.Department,
            [Office, new("QLDN", "Phòng Quản lý doanh nghiệp")]),
        new("000.00.50.H56", "Công ty Điện lực tỉnh", "PC", AgencyKind.Company,
            [new("KD", "Phòng Kinh doanh"), new("KT", "Phòng Kỹ thuật")]),
        new("000.00.51.H56", "Công ty Cổ phần Cấp thoát nước tỉnh", "CTN", AgencyKind.Company,
            [new("KD", "Phòng Kinh doanh")]),
        new(PoliceCode, "Công an tỉnh", "CA", AgencyKind.VerticalAgency,
            [new("PC06", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội"), new("PC08", "Phòng Cảnh sát giao thông")]),
        new("000.00.61.H56", "Bảo hiểm xã hội tỉnh", "BHXH", AgencyKind.VerticalAgency,
            [new("TST", "Phòng Thu - Sổ, thẻ"), new("CĐBHXH", "Phòng Chế độ bảo hiểm xã hội")]),
    ];

    public static readonly IReadOnlyList<CounterSeed> Counters =
    [
        new(1, "Quầy 1 - Sở Tư pháp", JusticeCode),
        new(2, "Quầy 2 - Sở Tài chính (đăng ký kinh doanh)", "000.00.04.H56"),
        new(3, "Quầy 3 - Sở Nông nghiệp và Môi trường (đất đai)", "000.00.06.H56"),
        new(4, "Quầy 4 - Sở Xây dựng", "000.00.07.H56"),
        new(5, "Quầy 5 - Sở Y tế", "000.00.10.H56"),
        new(6, "Quầy 6 - Sở Công Thương", "000.00.05.H56"),
        new(7, "Quầy 7 - Công an tỉnh", "000.00.60.H56"),
        new(8, "Quầy 8 - Bảo hiểm xã hội tỉnh", "000.00.61.H56"),
        new(9, "Quầy 9 - Điện lực, cấp nước", "000.00.50.H56"),
        new(10, "Quầy 10 - Tiếp nhận chung", CentreCode),
    ];

    public static readonly IReadOnlyList<UserSeed> Users =
    [
        new("admin", "Quản trị hệ thống", Roles.Admin, CentreCode, "VP"),
        new("designer", "Nguyễn Thị Thiết Kế", Roles.ProcessDesigner, CentreCode, "VP"),
        new("reception", "Trần Văn Tiếp Nhận", Roles.Reception, CentreCode, "TNTKQ"),
        new("specialist", "Lê Thị Chuyên Viên", Roles.Specialist, JusticeCode, "HCTP"),
        new("head", "Phạm Văn Trưởng Phòng", Roles.DepartmentHead, JusticeCode, "HCTP"),
        new("leader", "Hoàng Văn Giám Đốc", Roles.AgencyLeader, JusticeCode, "BGD"),
        new("supervisor", "Đỗ Thị Giám Sát", Roles.Supervisor, "000.00.14.H56", "TCD"),
        // The cooperating agency of the inter-agency demo flow, and an officer of an uninvolved agency.
        new("police", "Vũ Văn Công An", Roles.Specialist, PoliceCode, "PC06"),
        new("police-head", "Bùi Thị Trưởng Phòng", Roles.DepartmentHead, PoliceCode, "PC06"),
        new("builder", "Đinh Văn Xây Dựng", Roles.Specialist, "000.00.07.H56", "QLHDXD"),
        new("citizen", "Nguyễn Văn Công Dân", Roles.Citizen, null, null),
    ];
}
