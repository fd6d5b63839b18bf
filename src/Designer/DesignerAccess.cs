namespace OneStop.Designer;

/// <summary>Who may open the designer pages, for <c>[Authorize]</c> on each page.</summary>
public static class DesignerAccess
{
    /// <summary>Process designers and admins (the Host's role names).</summary>
    public const string Roles = "Admin,ProcessDesigner";

    /// <summary>
    /// The signed-in session (ASP.NET Core Identity's application cookie). Attributes need a constant, and
    /// <c>IdentityConstants.ApplicationScheme</c> is a static field with this value.
    /// </summary>
    public const string Scheme = "Identity.Application";
}
