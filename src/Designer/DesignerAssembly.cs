namespace OneStop.Designer;

/// <summary>
/// Marker for the designer's Razor class library: pages under Areas/Designer (/designer…), their scripts in
/// wwwroot/pages and the bpmn-js client bundled into wwwroot/dist (docs/decisions/0004 and 0005).
/// </summary>
public static class DesignerAssembly;
