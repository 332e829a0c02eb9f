using System.Collections;
using System.Reflection;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>Recognises sequences of records (objects with public properties) and reads them as columns and rows.</summary>
internal static class TableShape
{
    /// <summary>The element type of a sequence whose items are records (not scalars, strings or nested sequences), else null.</summary>
    public static Type? RecordElementType(object value)
    {
        if (value is string or IDictionary || value is not IEnumerable)
        {
            return null;
        }

        var type = value.GetType();
        var element = type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Concat([type])
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .Select(i => i.GetGenericArguments()[0])
                .FirstOrDefault();
        if (element is null || IsScalar(element) || typeof(IEnumerable).IsAssignableFrom(element))
        {
            return null;
        }

        return Properties(element).Length > 0 ? element : null;
    }

    public static PropertyInfo[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToArray();

    public static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeSpan) || t == typeof(Guid);
    }
}
