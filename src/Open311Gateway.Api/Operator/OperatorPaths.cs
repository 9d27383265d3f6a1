namespace Open311Gateway.Api.Operator;

/// <summary>Where the status page lives: outside the Open311 base path, so the format middleware never sees it.</summary>
public static class OperatorPaths
{
    public const string Root = "/operator";
    public const string Page = "/operator/";
    public const string Login = "/operator/login";
    public const string Logout = "/operator/logout";
    /// <summary>The login form's field for the admin key.</summary>
    public const string KeyField = "admin_key";
}
