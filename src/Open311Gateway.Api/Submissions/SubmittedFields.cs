using System.Text.RegularExpressions;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// The fields of a POST, whatever the body's encoding: each name with every value it was given.
/// Empty values count as absent, as clients send <c>jurisdiction_id=</c>. Photos (<c>media</c>) are kept apart,
/// as bytes, where the POST accepts them.
/// </summary>
public sealed partial class SubmittedFields
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);
    private readonly List<SubmittedPhoto> _photos = [];

    public IEnumerable<string> Names => _fields.Keys;

    /// <summary>Every <c>media</c> photo sent, in order; a report takes one (the validator says so).</summary>
    public IReadOnlyList<SubmittedPhoto> Photos => _photos;

    /// <summary>Adds the photo the budget just closed, or, when there was none (empty), lets another come.</summary>
    public void AddPhoto(SubmittedPhoto? photo, BodyBudget budget)
    {
        if (photo is { Bytes.Length: > 0 } or { Bytes: null }) _photos.Add(photo);
        else budget.ForgetPhoto();
    }

    /// <summary><c>media</c> parts or fields after the first photo: read within the field limit, not kept, counted to refuse them.</summary>
    public int ExtraPhotos { get; private set; }

    public void CountExtraPhoto() => ExtraPhotos++;

    public void Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (!_fields.TryGetValue(name, out var values)) _fields[name] = values = [];
        values.Add(value);
    }

    public IReadOnlyList<string> All(string name) => _fields.TryGetValue(name, out var values) ? values : [];

    /// <summary>The one value of a field; a field given twice with different values is an error, not a guess.</summary>
    public string? Single(string name, List<string> errors)
    {
        var values = All(name).Distinct().ToList();
        if (values.Count > 1) errors.Add($"{name} was given {values.Count} different values; send it once.");
        return values.FirstOrDefault();
    }

    /// <summary>
    /// Attribute values by code, from <c>attribute[CODE]</c> and <c>attribute[CODE][]</c> alike
    /// (FixMyStreet repeats <c>attribute[CODE]</c> for multi-value attributes, others use <c>[]</c>).
    /// </summary>
    public Dictionary<string, List<string>> Attributes()
    {
        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in _fields)
        {
            var match = AttributeName().Match(name);
            if (!match.Success) continue;
            var code = match.Groups["code"].Value;
            if (!attributes.TryGetValue(code, out var collected)) attributes[code] = collected = [];
            collected.AddRange(values);
        }
        return attributes;
    }

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]+)\](?:\[\])?$")]
    private static partial Regex AttributeName();
}
