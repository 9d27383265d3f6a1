namespace Open311Gateway.Contracts.Adapters;

public enum SettingType
{
    Text,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>Digits only, such as a Redmine id.</summary>
    WholeNumber,
    /// <summary>One of <see cref="AdapterSetting.Choices"/>.</summary>
    Choice,
}
