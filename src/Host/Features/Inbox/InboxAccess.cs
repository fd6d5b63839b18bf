using System.Security.Claims;
using OneStop.Host.Engine;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Inbox;

/// <summary>
/// Which workflow tasks an officer works on: the tasks of the officer's unit (<c>AGENCY/DEPT</c>) whose role is one of
/// the officer's roles (a task without a role: any officer of the unit); an agency leader also those of every
/// department of the agency that name the leader's role or none. A department head oversees the unit's tasks: sees
/// them all and may take or release a claim on any of them.
/// </summary>
public sealed class InboxAccess
{
    private static readonly string[] WorkingRoles = [Roles.Reception, Roles.Specialist, Roles.DepartmentHead, Roles.AgencyLeader];

    private InboxAccess(string userName, string? agency, string? unit, IReadOnlyList<string> roles)
    {
        UserName = userName;
        Agency = agency;
        Unit = unit;
        RoleNames = roles;
    }

    public string UserName { get; }

    public string? Agency { get; }

    /// <summary><c>AGENCY/DEPT</c>, the engine's department name.</summary>
    public string? Unit { get; }

    public IReadOnlyList<string> RoleNames { get; }

    public bool IsLeader => RoleNames.Contains(Roles.AgencyLeader);

    public bool IsHead => RoleNames.Contains(Roles.DepartmentHead);

    public static InboxAccess Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var officer = Officer.Of(user);
        return new InboxAccess(officer.UserName, DossierAccess.AgencyOf(user), DossierAccess.UnitOf(user), [.. WorkingRoles.Where(user.IsInRole)]);
    }

    /// <summary>True when the officer may complete <paramref name="task"/> (unit and role).</summary>
    public bool CanWork(UserTaskRow task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var anyRole = string.IsNullOrEmpty(task.Role);
        if (Unit is not null && task.Department == Unit && (anyRole || RoleNames.Contains(task.Role!)))
        {
            return true;
        }

        return IsLeader && Agency is not null && task.Department is { } department
            && department.StartsWith(Agency + "/", StringComparison.Ordinal) && (anyRole || task.Role == Roles.AgencyLeader);
    }

    /// <summary>True when the officer heads the unit of <paramref name="task"/>.</summary>
    public bool HeadsUnitOf(UserTaskRow task) => IsHead && Unit is not null && task?.Department == Unit;

    /// <summary>True when the officer sees the task in the department inbox and may claim it.</summary>
    public bool CanSee(UserTaskRow task) => CanWork(task) || HeadsUnitOf(task);

    /// <summary>Narrows open tasks to those <see cref="CanSee"/> accepts (the same rule in SQL).</summary>
    public IQueryable<UserTaskRow> Visible(IQueryable<UserTaskRow> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        // No sentinel strings for "none": PostgreSQL refuses NUL characters in text parameters.
        var unit = Unit;
        var roles = RoleNames.ToList();
        var head = IsHead;
        var leads = IsLeader && Agency is not null;
        var leaderPrefix = leads ? Agency + "/" : "";
        var leaderRole = Roles.AgencyLeader;
        return tasks.Where(t =>
            (unit != null && t.Department == unit && (head || t.Role == null || t.Role == "" || roles.Contains(t.Role)))
            || (leads && t.Department != null && t.Department.StartsWith(leaderPrefix) && (t.Role == null || t.Role == "" || t.Role == leaderRole)));
    }
}
