using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows;

namespace OneStop.Host.Seeding;

/// <summary>The <c>Bootstrap</c> section: the first administrator of a production installation.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>User name of the first admin, created only while no admin exists.</summary>
    public string? AdminUserName { get; set; }

    /// <summary>Its initial password, from a secret store or environment variable; there is no default.</summary>
    public string? AdminPassword { get; set; }

    public string? AdminEmail { get; set; }
}

/// <summary>
/// Writes the data every installation needs (roles, OpenID Connect clients, the holiday calendar, the first admin) and, in Development,
/// the demo province. Idempotent: each row is matched by its natural key and written only when missing.
/// </summary>
internal sealed class Seeder(
    OneStopDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    ClientRegistrar clients,
    CalendarService calendars,
    WorkflowEngine engine,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<BootstrapOptions> bootstrap,
    ILogger<Seeder> logger)
{
    public async Task SeedAsync(bool demo, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)), $"role {role}");
            }
        }

        await clients.RegisterAsync(cancellationToken);
        await calendars.SeedDefaultsAsync(cancellationToken);
        await calendars.ReloadAsync(cancellationToken);
        if (demo)
        {
            await SeedAgenciesAsync(cancellationToken);
            await SeedCountersAsync(cancellationToken);
            foreach (var user in DemoData.Users)
            {
                await EnsureUserAsync(user, DemoData.DemoPassword, $"{user.UserName}@onestop.example");
            }

            await CatalogueDemoData.SeedAsync(db, cancellationToken);
            await DemoFlows.DeployAsync(engine, DemoFlows.ResolveFolder(configuration, environment.ContentRootPath), cancellationToken);
        }

        await BootstrapAdminAsync();
    }

    private async Task SeedAgenciesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Agencies.Include(a => a.Departments).ToDictionaryAsync(a => a.Code, cancellationToken);
        foreach (var seed in DemoData.Agencies)
        {
            if (!existing.TryGetValue(seed.Code, out var agency))
            {
                agency = new Agency { Code = seed.Code, Name = seed.Name, ShortName = seed.ShortName, Kind = seed.Kind };
                db.Agencies.Add(agency);
            }

            foreach (var department in seed.Departments.Where(d => agency.Departments.All(x => x.Code != d.Code)))
            {
                agency.Departments.Add(new Department { Code = department.Code, Name = department.Name });
            }
        }

        var written = await db.SaveChangesAsync(cancellationToken);
        if (written > 0)
        {
            logger.LogInformation("Seeded {Count} demo agency and department rows", written);
        }
    }

    private async Task SeedCountersAsync(CancellationToken cancellationToken)
    {
        var numbers = await db.Counters.Select(c => c.Number).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        foreach (var seed in DemoData.Counters.Where(c => !numbers.Contains(c.Number)))
        {
            db.Counters.Add(new Counter { Number = seed.Number, Name = seed.Name, AgencyId = agencies[seed.AgencyCode] });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureUserAsync(DemoData.UserSeed seed, string password, string? email)
    {
        if (await users.FindByNameAsync(seed.UserName) is not null)
        {
            return;
        }

        var agency = seed.AgencyCode is null ? null : await db.Agencies.Include(a => a.Departments).SingleAsync(a => a.Code == seed.AgencyCode);
        var user = new ApplicationUser
        {
            UserName = seed.UserName,
            FullName = seed.FullName,
            Email = email,
            EmailConfirmed = email is not null,
            AgencyId = agency?.Id,
            DepartmentId = agency?.Departments.Single(d => d.Code == seed.DepartmentCode).Id,
        };
        Check(await users.CreateAsync(user, password), $"user {seed.UserName}");
        Check(await users.AddToRoleAsync(user, seed.Role), $"role of {seed.UserName}");
        logger.LogInformation("Created user {UserName} with role {Role}", seed.UserName, seed.Role);
    }

    private async Task BootstrapAdminAsync()
    {
        var options = bootstrap.Value;
        if (string.IsNullOrWhiteSpace(options.AdminUserName) || (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            throw new StartupException("OS1007: Bootstrap:AdminPassword is required with Bootstrap:AdminUserName; there is no default password.");
        }

        await EnsureUserAsync(new DemoData.UserSeed(options.AdminUserName, "Quản trị hệ thống", Roles.Admin, null, null),
            options.AdminPassword, options.AdminEmail);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StartupException($"OS1008: Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
