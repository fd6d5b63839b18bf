using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OneStop.Workflows.Model;
using OneStop.Workflows.Persistence;
using OneStop.Workflows.Reading;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows;

/// <summary>Definitions: validation, versions (draft / published / retired) and the parsed-model cache.</summary>
internal sealed class DefinitionCatalog(IWorkflowStore store, TimeProvider time, Func<string, bool> isKnownHandler)
{
    private readonly IWorkflowStore _store = store;
    private readonly TimeProvider _time = time;
    private readonly Func<string, bool> _isKnownHandler = isKnownHandler;
    private readonly ConcurrentDictionary<string, BpmnModel> _models = new(StringComparer.Ordinal);

    public (BpmnModel? Model, IReadOnlyList<ValidationProblem> Problems) Validate(ReadResult read)
    {
        var problems = new List<ValidationProblem>(read.Problems);
        if (read.Model is not null)
        {
            problems.AddRange(BpmnValidator.Validate(read.Model, _isKnownHandler));
        }
        return (read.Model, problems);
    }

    /// <summary>
    /// Deploys every process of a document as a new draft version of its key, unless the key's latest version or its
    /// published version has the same content hash (that version is reused). Nothing is deployed when the document has errors.
    /// </summary>
    public async Task<DeploymentResult> DeployAsync(string xml, DeployOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var (model, problems) = Validate(BpmnReader.Read(xml));
        if (model is null || problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return new DeploymentResult(false, [], problems);
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var deployed = new List<DefinitionRecord>();
        foreach (var process in model.Processes.Where(p => p.Scope.StartEvents.Any()))
        {
            var versions = await _store.GetDefinitionVersionsAsync(process.Id, cancellationToken).ConfigureAwait(false);
            // Published versions are immutable and never duplicated; a retired one is not revived by a re-deployment.
            var record = versions.LastOrDefault(v => v.ContentHash == hash && v.Status != DefinitionStatus.Retired
                && (v == versions[^1] || v.Status == DefinitionStatus.Published));
            if (record is null)
            {
                record = new DefinitionRecord
                {
                    Key = process.Id,
                    Version = versions.Count == 0 ? 1 : versions[^1].Version + 1,
                    Status = DefinitionStatus.Draft,
                    Name = process.Name,
                    ContentHash = hash,
                    Xml = xml,
                    DeployedAt = _time.GetUtcNow(),
                    DeployedBy = options?.User,
                };
                await _store.SaveDefinitionAsync(record, cancellationToken).ConfigureAwait(false);
                _models[ModelKey(record.Key, record.Version)] = model;
            }
            if (options?.Publish == true && record.Status == DefinitionStatus.Draft)
            {
                record = await PublishAsync(record.Key, record.Version, options.User, cancellationToken).ConfigureAwait(false);
            }
            deployed.Add(record);
        }
        return new DeploymentResult(true, deployed, problems);
    }

    /// <summary>Publishes a draft version; the previously published version is retired. Running instances keep their version.</summary>
    public async Task<DefinitionRecord> PublishAsync(string key, int version, string? user, CancellationToken cancellationToken = default)
    {
        var versions = await _store.GetDefinitionVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        var record = Find(versions, key, version);
        if (record.Status == DefinitionStatus.Retired)
        {
            throw new InvalidOperationException($"Definition '{key}' version {version} is retired and cannot be published again; deploy it as a new version.");
        }
        if (record.Status == DefinitionStatus.Published)
        {
            return record;
        }
        foreach (var previous in versions.Where(v => v.Status == DefinitionStatus.Published))
        {
            previous.Status = DefinitionStatus.Retired;
            await _store.SaveDefinitionAsync(previous, cancellationToken).ConfigureAwait(false);
        }
        record.Status = DefinitionStatus.Published;
        record.PublishedAt = _time.GetUtcNow();
        record.PublishedBy = user;
        await _store.SaveDefinitionAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Retires a version: no new instances start on it.</summary>
    public async Task<DefinitionRecord> RetireAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        var record = Find(await _store.GetDefinitionVersionsAsync(key, cancellationToken).ConfigureAwait(false), key, version);
        if (record.Status != DefinitionStatus.Retired)
        {
            record.Status = DefinitionStatus.Retired;
            await _store.SaveDefinitionAsync(record, cancellationToken).ConfigureAwait(false);
        }
        return record;
    }

    /// <summary>The version a start uses: the requested one unless retired, else the latest published one.</summary>
    public async Task<DefinitionRecord> StartableAsync(string key, int? version, CancellationToken cancellationToken)
    {
        var versions = await _store.GetDefinitionVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            return versions.LastOrDefault(d => d.Status == DefinitionStatus.Published)
                ?? throw new KeyNotFoundException($"Definition '{key}' has no published version.");
        }
        var record = Find(versions, key, version.Value);
        return record.Status != DefinitionStatus.Retired ? record
            : throw new InvalidOperationException($"Definition '{key}' version {version} is retired: it starts no new instances.");
    }

    private static DefinitionRecord Find(IReadOnlyList<DefinitionRecord> versions, string key, int version) =>
        versions.FirstOrDefault(v => v.Version == version) ?? throw new KeyNotFoundException($"Definition '{key}' version {version} does not exist.");

    public async Task<IReadOnlyList<DefinitionRecord>> PublishedAsync(CancellationToken cancellationToken)
    {
        var latest = await _store.ListLatestDefinitionsAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<DefinitionRecord>();
        foreach (var key in latest.Select(d => d.Key))
        {
            var versions = await _store.GetDefinitionVersionsAsync(key, cancellationToken).ConfigureAwait(false);
            if (versions.LastOrDefault(v => v.Status == DefinitionStatus.Published) is { } published)
            {
                result.Add(published);
            }
        }
        return result;
    }

    /// <summary>
    /// The process of a deployed version. A version's XML never changes, so a model read once is reused and the store
    /// is asked only the first time on this node (every command of every instance needs it).
    /// </summary>
    public async Task<ProcessModel> GetProcessAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (_models.TryGetValue(ModelKey(key, version), out var cached))
        {
            return cached.FindProcess(key) ?? throw new InvalidOperationException($"Process '{key}' is missing from its document.");
        }

        var versions = await _store.GetDefinitionVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        return GetProcess(versions.FirstOrDefault(v => v.Version == version)
            ?? throw new KeyNotFoundException($"Definition '{key}' version {version} does not exist."));
    }

    public ProcessModel GetProcess(DefinitionRecord definition)
    {
        var model = _models.GetOrAdd(ModelKey(definition.Key, definition.Version), _ =>
            BpmnReader.Read(definition.Xml).Model ?? throw new InvalidOperationException($"Definition '{definition.Key}' no longer reads."));
        return model.FindProcess(definition.Key) ?? throw new InvalidOperationException($"Process '{definition.Key}' is missing from its document.");
    }

    private static string ModelKey(string key, int version) => $"{key}@{version}";
}
