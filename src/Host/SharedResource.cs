namespace OneStop.Host;

/// <summary>Marker for the UI texts in Resources/SharedResource.resx (Vietnamese, the default) and SharedResource.en.resx.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it is never instantiated.
public sealed class SharedResource;
#pragma warning restore CA1052
