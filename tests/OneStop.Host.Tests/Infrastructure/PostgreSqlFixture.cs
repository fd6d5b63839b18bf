namespace OneStop.Host.Tests.Infrastructure;

/// <summary>One PostgreSQL server for every test of the collection; each test creates its own database on it.</summary>
public sealed partial class PostgreSqlServer : IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class PostgreSqlDefinition : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
