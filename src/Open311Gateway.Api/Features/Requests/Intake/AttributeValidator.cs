using System.Globalization;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>Checks submitted <c>attribute[CODE]</c> values against the service definition.</summary>
public static class AttributeValidator
{
    private const int MaxStringLength = 500;
    private const int MaxTextLength = 4000;

    public static Dictionary<string, List<string>> Validate(
        Dictionary<string, List<string>> submitted, IReadOnlyList<AttributeDefinition> definitions, TimeZoneInfo zone, List<string> errors)
    {
        var accepted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var unknown in submitted.Keys.Where(code => definitions.All(d => d.Code != code)))
            errors.Add($"attribute[{TextRules.Shorten(unknown)}] is not an attribute of this service.");

        // Informational attributes (variable = false) carry text for the citizen, no value.
        foreach (var definition in definitions.Where(d => d.Variable))
        {
            var values = submitted.GetValueOrDefault(definition.Code)?.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() ?? [];
            if (values.Count == 0)
            {
                if (definition.Required) errors.Add($"attribute[{definition.Code}] is required: {definition.Description}");
                continue;
            }
            if (definition.Datatype != "multivaluelist" && values.Distinct().Count() > 1)
            {
                errors.Add($"attribute[{definition.Code}] takes one value, not {values.Count}.");
                continue;
            }
            var checkedValues = definition.Datatype == "multivaluelist" ? values.Distinct().ToList() : [values[0]];
            if (checkedValues.All(v => IsValid(definition, v, zone, errors))) accepted[definition.Code] = checkedValues;
        }
        return accepted;
    }

    private static bool IsValid(AttributeDefinition definition, string value, TimeZoneInfo zone, List<string> errors)
    {
        var name = $"attribute[{definition.Code}]";
        var before = errors.Count;
        switch (definition.Datatype)
        {
            case "string":
                TextRules.Check(name, value, MaxStringLength, errors);
                break;
            case "text":
                TextRules.Check(name, value, MaxTextLength, errors);
                break;
            case "number":
                if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    errors.Add($"{name} '{TextRules.Shorten(value)}' is not a number (use a decimal point: 2.5).");
                break;
            case "datetime":
                if (!Open311DateParser.TryParse(value, zone, out _))
                    errors.Add($"{name} '{TextRules.Shorten(value)}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.");
                break;
            case "singlevaluelist" or "multivaluelist":
                if (definition.Values.All(v => v.Key != value))
                    errors.Add($"{name} '{TextRules.Shorten(value)}' is not one of: {string.Join(", ", definition.Values.Select(v => v.Key))}.");
                break;
        }
        return errors.Count == before;
    }
}
