using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace OneStop.Workflows.Expressions;

/// <summary>Converts between JSON variable values and the plain values Scriban sees.</summary>
internal static class ScriptValues
{
    public static object? ToScript(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var so = new ScriptObject(StringComparer.Ordinal);
                foreach (var (key, value) in obj)
                {
                    so[key] = ToScript(value);
                }
                return so;
            case JsonArray array:
                var sa = new ScriptArray(array.Count);
                foreach (var item in array)
                {
                    sa.Add(ToScript(item));
                }
                return sa;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.True: return true;
                    case JsonValueKind.False: return false;
                    case JsonValueKind.String: return value.GetValue<string>();
                    case JsonValueKind.Number:
                        if (value.TryGetValue<long>(out var l)) return l;
                        if (value.TryGetValue<int>(out var i)) return (long)i;
                        if (value.TryGetValue<decimal>(out var m)) return m == decimal.Truncate(m) && Math.Abs(m) < long.MaxValue ? (long)m : (object)(double)m;
                        return value.TryGetValue<double>(out var d) ? d : 0d;
                    default: return null;
                }
            default:
                return null;
        }
    }

    public static JsonNode? ToJson(object? value, int depth = 0)
    {
        if (depth > 64)
        {
            throw new ExpressionException("Value is nested too deeply.");
        }
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case bool b:
                return JsonValue.Create(b);
            case string s:
                return JsonValue.Create(s);
            case int or long or short or byte or sbyte or uint or ushort:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong ul:
                return JsonValue.Create(ul);
            case float or double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
            case decimal m:
                return m == decimal.Truncate(m) && Math.Abs(m) < 9e15m ? JsonValue.Create((long)m) : JsonValue.Create(m);
            case System.Numerics.BigInteger bi:
                return JsonValue.Create((decimal)bi);
            case DateTime dt:
                return JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture));
            case DateTimeOffset dto:
                return JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture));
            case TimeSpan ts:
                return JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture));
            case IDictionary<string, object?> dict:
                var obj = new JsonObject();
                foreach (var (k, v) in dict)
                {
                    obj[k] = ToJson(v, depth + 1);
                }
                return obj;
            case IList list:
                var items = new JsonArray();
                foreach (var item in list)
                {
                    items.Add(ToJson(item, depth + 1));
                }
                return items;
            case IScriptObject so:
                var o = new JsonObject();
                foreach (var k in so.GetMembers())
                {
                    so.TryGetValue(null!, default, k, out var v);
                    o[k] = ToJson(v, depth + 1);
                }
                return o;
            case IEnumerable enumerable:
                var array = new JsonArray();
                foreach (var item in enumerable)
                {
                    array.Add(ToJson(item, depth + 1));
                }
                return array;
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
