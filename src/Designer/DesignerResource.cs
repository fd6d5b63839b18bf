namespace OneStop.Designer;

/// <summary>Marker for the designer pages' texts in Resources/DesignerResource.resx (Vietnamese, the default) and DesignerResource.en.resx.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it is never instantiated.
public sealed class DesignerResource;
#pragma warning restore CA1052
