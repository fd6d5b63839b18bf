using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Engine;

namespace OneStop.Host.Persistence.Configurations;

// The engine's tables, prefixed "Wf". Keys and names are bounded so that every index fits SQL Server's limits.

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRow>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRow> builder)
    {
        builder.ToTable("WfDefinitions");
        builder.HasKey(d => new { d.Key, d.Version });
        builder.Property(d => d.Key).HasMaxLength(200);
        builder.Property(d => d.Status).HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.DeployedBy).HasMaxLength(256);
        builder.Property(d => d.PublishedBy).HasMaxLength(256);
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRow>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRow> builder)
    {
        builder.ToTable("WfInstances");
        builder.Property(i => i.Id).HasMaxLength(40);
        builder.Property(i => i.DefinitionKey).HasMaxLength(200);
        builder.Property(i => i.BusinessKey).HasMaxLength(100);
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.ParentInstanceId).HasMaxLength(40);
        builder.Property(i => i.RowVersion).IsConcurrencyToken();
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => new { i.DefinitionKey, i.DefinitionVersion });
        builder.HasIndex(i => i.Status);
    }
}

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTaskRow>
{
    public void Configure(EntityTypeBuilder<UserTaskRow> builder)
    {
        builder.ToTable("WfUserTasks");
        builder.HasKey(t => t.RowId);
        builder.Property(t => t.Id).HasMaxLength(40);
        builder.HasIndex(t => t.Id).IsUnique();
        builder.Property(t => t.InstanceId).HasMaxLength(40);
        builder.Property(t => t.TokenId).HasMaxLength(40);
        builder.Property(t => t.ElementId).HasMaxLength(200);
        builder.Property(t => t.Name).HasMaxLength(300);
        builder.Property(t => t.BusinessKey).HasMaxLength(100);
        builder.Property(t => t.Department).HasMaxLength(100);
        builder.Property(t => t.Role).HasMaxLength(50);
        builder.Property(t => t.Assignee).HasMaxLength(256);
        builder.Property(t => t.Outcomes).HasMaxLength(1000);
        builder.Property(t => t.Outcome).HasMaxLength(200);
        builder.Property(t => t.CompletedBy).HasMaxLength(256);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => new { t.Status, t.Department, t.DueAt });
        builder.HasIndex(t => new { t.Status, t.Role, t.DueAt });
        builder.HasIndex(t => new { t.Status, t.Assignee, t.DueAt });
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => t.InstanceId);
        builder.HasIndex(t => t.BusinessKey);
    }
}

internal sealed class MessageSubscriptionConfiguration : IEntityTypeConfiguration<MessageSubscriptionRow>
{
    public void Configure(EntityTypeBuilder<MessageSubscriptionRow> builder)
    {
        builder.ToTable("WfMessageSubscriptions");
        // Wait-state ids are local to their instance.
        builder.HasKey(s => new { s.InstanceId, s.Id });
        builder.Property(s => s.Id).HasMaxLength(40);
        builder.Property(s => s.InstanceId).HasMaxLength(40);
        builder.Property(s => s.ElementId).HasMaxLength(200);
        builder.Property(s => s.TokenId).HasMaxLength(40);
        builder.Property(s => s.ScopeId).HasMaxLength(40);
        builder.Property(s => s.MessageName).HasMaxLength(200);
        builder.Property(s => s.CorrelationKey).HasMaxLength(200);
        builder.HasIndex(s => new { s.MessageName, s.CorrelationKey });
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobRow>
{
    public void Configure(EntityTypeBuilder<JobRow> builder)
    {
        builder.ToTable("WfJobs");
        builder.HasKey(j => new { j.InstanceId, j.Id });
        builder.Property(j => j.Id).HasMaxLength(40);
        builder.Property(j => j.Kind).HasMaxLength(20);
        builder.Property(j => j.InstanceId).HasMaxLength(40);
        builder.Property(j => j.ElementId).HasMaxLength(200);
        builder.Property(j => j.TokenId).HasMaxLength(40);
        builder.Property(j => j.ScopeId).HasMaxLength(40);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.Property(j => j.LastError).HasMaxLength(2000);
        builder.HasIndex(j => j.DueAt);
        builder.HasIndex(j => j.LeaseUntil);
    }
}

internal sealed class BufferedMessageConfiguration : IEntityTypeConfiguration<BufferedMessageRow>
{
    public void Configure(EntityTypeBuilder<BufferedMessageRow> builder)
    {
        builder.ToTable("WfBufferedMessages");
        builder.Property(m => m.Id).HasMaxLength(40);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.CorrelationKey).HasMaxLength(200);
        builder.HasIndex(m => new { m.Name, m.CorrelationKey });
        builder.HasIndex(m => m.ExpiresAt);
    }
}

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalRow>
{
    public void Configure(EntityTypeBuilder<JournalRow> builder)
    {
        builder.ToTable("WfJournal");
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.Property(j => j.InstanceId).HasMaxLength(40);
        builder.Property(j => j.Event).HasMaxLength(50);
        builder.Property(j => j.ElementId).HasMaxLength(200);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRow>
{
    public void Configure(EntityTypeBuilder<IncidentRow> builder)
    {
        builder.ToTable("WfIncidents");
        builder.HasKey(i => new { i.InstanceId, i.Id });
        builder.Property(i => i.Id).HasMaxLength(40);
        builder.Property(i => i.InstanceId).HasMaxLength(40);
        builder.Property(i => i.ElementId).HasMaxLength(200);
        builder.Property(i => i.Kind).HasMaxLength(50);
        builder.Property(i => i.Message).HasMaxLength(4000);
        builder.HasIndex(i => i.CreatedAt);
    }
}
