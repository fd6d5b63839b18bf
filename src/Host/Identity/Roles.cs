namespace OneStop.Host.Identity;

/// <summary>The roles of OneStop. A user may hold several; least privilege is the rule.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string ProcessDesigner = "ProcessDesigner";
    /// <summary>One-stop officer at the counter (cán bộ một cửa).</summary>
    public const string Reception = "Reception";
    /// <summary>Department specialist who processes dossiers (chuyên viên).</summary>
    public const string Specialist = "Specialist";
    public const string DepartmentHead = "DepartmentHead";
    public const string AgencyLeader = "AgencyLeader";
    /// <summary>Inspectorate or Fatherland Front supervisor; reads across agencies.</summary>
    public const string Supervisor = "Supervisor";
    public const string Citizen = "Citizen";

    public static readonly IReadOnlyList<string> All =
        [Admin, ProcessDesigner, Reception, Specialist, DepartmentHead, AgencyLeader, Supervisor, Citizen];

    public static readonly IReadOnlyList<string> Staff =
        [Admin, ProcessDesigner, Reception, Specialist, DepartmentHead, AgencyLeader, Supervisor];
}
