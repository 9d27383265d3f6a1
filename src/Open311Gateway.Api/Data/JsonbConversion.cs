using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Open311Gateway.Api.Data;

/// <summary>Stores a plain .NET value as a jsonb document, compared by its JSON text.</summary>
internal static class JsonbConversion
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> HasJsonbConversion<T>(this PropertyBuilder<T> property) where T : new()
    {
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(),
            v => Deserialize<T>(Serialize(v)));
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), comparer).HasColumnType("jsonb");
        return property;
    }

    /// <summary>The same for a value that may be absent (SQL NULL), such as a record with required members.</summary>
    public static PropertyBuilder<T?> HasNullableJsonbConversion<T>(this PropertyBuilder<T?> property) where T : class
    {
        var comparer = new ValueComparer<T?>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(),
            v => v == null ? null : JsonSerializer.Deserialize<T>(Serialize(v), Options));
        property.HasConversion(v => Serialize(v), v => JsonSerializer.Deserialize<T>(v, Options), comparer).HasColumnType("jsonb");
        return property;
    }

    /// <summary>The same for a record that is always present but has no parameterless constructor (required members).</summary>
    public static PropertyBuilder<T> HasRecordJsonbConversion<T>(this PropertyBuilder<T> property) where T : class
    {
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(Serialize(v), Options)!);
        property.HasConversion(v => Serialize(v), v => JsonSerializer.Deserialize<T>(v, Options)!, comparer).HasColumnType("jsonb");
        return property;
    }

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json) where T : new() => JsonSerializer.Deserialize<T>(json, Options) ?? new T();
}
