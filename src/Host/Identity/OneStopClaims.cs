namespace OneStop.Host.Identity;

/// <summary>Claim types OneStop adds to cookies and tokens beside the standard OpenID Connect ones.</summary>
public static class OneStopClaims
{
    /// <summary>The code of the agency a staff user belongs to.</summary>
    public const string Agency = "agency";

    /// <summary>The code of the department (unique within the agency).</summary>
    public const string Department = "department";
}
