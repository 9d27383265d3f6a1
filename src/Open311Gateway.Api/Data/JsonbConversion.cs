using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Open311Gateway.Api.Data;

/// <summary>Stores a plain .NET value as a jsonb document, compared by its JSON text.</summary>
internal static class JsonbConversion
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>A value with a parameterless constructor; JSON null reads as a new, empty one.</summary>
    public static PropertyBuilder<T> HasJsonbConversion<T>(this PropertyBuilder<T> property) where T : new() =>
        property.StoredAsJsonb(json => JsonSerializer.Deserialize<T>(json, Options) ?? new T());

    /// <summary>A value that may be absent (SQL NULL), such as a record with required members.</summary>
    public static PropertyBuilder<T?> HasNullableJsonbConversion<T>(this PropertyBuilder<T?> property) where T : class =>
        property.StoredAsJsonb(json => JsonSerializer.Deserialize<T>(json, Options));

    /// <summary>A record that is always present but has no parameterless constructor (required members).</summary>
    public static PropertyBuilder<T> HasRecordJsonbConversion<T>(this PropertyBuilder<T> property) where T : class =>
        property.StoredAsJsonb(json => JsonSerializer.Deserialize<T>(json, Options)!);

    // One conversion for all three: written as JSON text, compared and snapshotted through it.
    private static PropertyBuilder<T> StoredAsJsonb<T>(this PropertyBuilder<T> property, Func<string, T> read)
    {
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(),
            v => read(Serialize(v)));
        property.HasConversion(v => Serialize(v), v => read(v), comparer).HasColumnType("jsonb");
        return property;
    }

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Options);
}
