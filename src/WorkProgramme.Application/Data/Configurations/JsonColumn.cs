using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Data.Configurations;

/// <summary>
/// Stores a small value (code lists, milestones) as JSON text: readable in SQLite and PostgreSQL alike, and
/// compared by content so EF notices a change.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyStoredState } },
    };

    /// <summary>Drops derived read-only properties (IsEmpty, MonthIndex...): only state is stored.</summary>
    private static void OnlyStoredState(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var constructorParameters = info.Type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var derived in info.Properties.Where(p => p.Set is null && !constructorParameters.Contains(p.Name)).ToList())
        {
            info.Properties.Remove(derived);
        }
    }

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class
    {
        var converter = new ValueConverter<T, string>(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!);
        var comparer = new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!);
        return property.HasConversion(converter, comparer);
    }

    /// <summary>Maps a FR/EN pair to two columns named after the property.</summary>
    public static void Bilingual<TEntity>(this EntityTypeBuilder<TEntity> entity,
        System.Linq.Expressions.Expression<Func<TEntity, BilingualText?>> property, string prefix, int? maxLength = null)
        where TEntity : class =>
        entity.ComplexProperty(property, text =>
        {
            var fr = text.Property(t => t.Fr).HasColumnName(prefix + "Fr");
            var en = text.Property(t => t.En).HasColumnName(prefix + "En");
            if (maxLength is { } length)
            {
                fr.HasMaxLength(length);
                en.HasMaxLength(length);
            }
        });
}
