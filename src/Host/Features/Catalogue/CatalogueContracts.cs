namespace OneStop.Host.Features.Catalogue;

/// <summary>A document of the list; <paramref name="FileTypes"/> and <paramref name="MaxUploadKb"/> restrict its online upload (None and null: the portal's defaults).</summary>
public sealed record DocumentDto(string? Name, int Originals, int CertifiedCopies, int Photocopies, UploadTypes FileTypes = UploadTypes.None,
    int? MaxUploadKb = null);

public sealed record DurationDto(decimal Value, DurationUnit Unit, decimal? SecondStage = null, decimal? RemoteArea = null);

public sealed record FeeDto(
    FeeKind Kind, string? Description, decimal Amount, FeeBasis Basis = FeeBasis.PerDossier,
    int? FirstUnits = null, decimal? NextAmount = null, decimal? MaxAmount = null, string? Exemptions = null);

/// <summary>A procedure as the API and the import file write it: field and agencies by their codes.</summary>
public sealed record ProcedureRequest
{
    public string? NationalCode { get; init; }

    public string? LocalCode { get; init; }

    public string? Name { get; init; }

    public string? FieldCode { get; init; }

    public string? LeadAgencyCode { get; init; }

    public IReadOnlyList<string>? CooperatingAgencyCodes { get; init; }

    public string? LegalBasis { get; init; }

    public IReadOnlyList<DocumentDto>? Documents { get; init; }

    public int NumberOfSets { get; init; } = 1;

    public DurationDto? Duration { get; init; }

    public IReadOnlyList<FeeDto>? Fees { get; init; }

    public FeeMode FeeMode { get; init; }

    public OnlineLevel OnlineLevel { get; init; }

    public bool ResolvedOnTheSpot { get; init; }

    public string? ResultType { get; init; }

    public string? WorkflowKey { get; init; }

    /// <summary>The lead agency's processing department (its code within the agency); the flow's <c>processingUnit</c>.</summary>
    public string? ProcessingDepartmentCode { get; init; }

    public string? ResultTemplateCode { get; init; }

    public SupplementRule SupplementRule { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }
}

public sealed record CodeName(string Code, string Name);

public sealed record ProcedureDto(
    Guid Id, string NationalCode, string LocalCode, string Name, CodeName Field, CodeName LeadAgency,
    IReadOnlyList<CodeName> CooperatingAgencies, string? LegalBasis, IReadOnlyList<DocumentDto> Documents, int NumberOfSets,
    DurationDto Duration, IReadOnlyList<FeeDto> Fees, FeeMode FeeMode, OnlineLevel OnlineLevel, bool ResolvedOnTheSpot,
    string? ResultType, string? WorkflowKey, string? ResultTemplateCode, SupplementRule SupplementRule,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? ProcessingDepartmentCode = null);

public sealed record ProcedureSummary(
    Guid Id, string NationalCode, string LocalCode, string Name, CodeName Field, CodeName LeadAgency,
    DurationDto Duration, OnlineLevel OnlineLevel, bool ResolvedOnTheSpot, DateOnly EffectiveFrom, DateOnly? EffectiveTo);

public sealed record ProcedurePage(IReadOnlyList<ProcedureSummary> Items, int Total, int Page, int PageSize);

public sealed record FieldRequest(string? Code, string? Name);

/// <summary>One rejected row of an import file: its row number as a spreadsheet shows it (the header is row 1).</summary>
public sealed record ImportRowError(int Row, string? LocalCode, IReadOnlyList<string> Reasons);

/// <summary>What an import did: with any error, nothing was written and <see cref="Created"/> and <see cref="Updated"/> are 0.</summary>
public sealed record ImportReport(int Rows, int Created, int Updated, int FieldsCreated, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
