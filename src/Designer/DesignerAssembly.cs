namespace OneStop.Designer;

/// <summary>Marker for the designer's Razor class library; its pages and client arrive with the designer issue.</summary>
public static class DesignerAssembly;
