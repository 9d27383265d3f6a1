# Prepares Debian's default Redmine instance for the gateway; run by deploy/local/redmine.sh through
# `bin/rails runner` (RAILS_ENV=production X_DEBIAN_SITEID=default). Idempotent: each run finds what the
# previous one created. Prints the connection facts as "OPEN311 KEY=VALUE" lines (and nothing else with that
# prefix); redmine.sh keeps them for `redmine.sh env`.
#
#   OPEN311_REDMINE_PROJECT     identifier of the project to create (default: maengel)

project_identifier = ENV.fetch('OPEN311_REDMINE_PROJECT', 'maengel')

def fact(name, value)
  puts "OPEN311 #{name}=#{value}"
end

# Debian's post-install loads the default trackers, statuses, roles and workflows; an instance set up some
# other way may lack them. The loader only runs on an empty configuration, so a half-configured instance is
# reported instead of patched.
if Tracker.none? || IssueStatus.none?
  unless Redmine::DefaultData::Loader.no_data?
    abort 'redmine-setup: the instance has some configuration but no trackers or statuses; load them by hand'
  end
  Redmine::DefaultData::Loader.load('en')
end

# The REST API is off on a fresh instance; the gateway talks nothing else.
Setting.rest_api_enabled = '1'

admin = User.where(admin: true, status: User::STATUS_ACTIVE).order(:id).first or
  abort 'redmine-setup: no active administrator'

trackers = Tracker.sorted.to_a

# Custom fields for issues, for all projects and trackers. Our id's field must be "used as a filter": the
# adapter looks a report up with cf_<id>=<our id> before it creates an issue, so that a repeat finds the
# first issue instead of opening a second one.
def issue_field(name, format, trackers, filter:)
  field = IssueCustomField.find_by(name: name) || IssueCustomField.new(name: name)
  field.field_format = format
  field.is_filter = filter
  field.is_for_all = true
  field.visible = true
  field.searchable = filter
  field.tracker_ids = trackers.map(&:id)
  field.save!
  field
end

our_id = issue_field('Open311 ID', 'string', trackers, filter: true)
latitude = issue_field('Open311 latitude', 'float', trackers, filter: false)
longitude = issue_field('Open311 longitude', 'float', trackers, filter: false)

project = Project.find_by(identifier: project_identifier) ||
  Project.new(identifier: project_identifier, name: 'Mängelmelder', is_public: false)
project.tracker_ids = trackers.map(&:id)
project.enabled_module_names = (project.enabled_module_names | ['issue_tracking'])
project.save!

categories = ['Straße & Verkehr', 'Grün & Park'].map do |name|
  project.issue_categories.find_by(name: name) || project.issue_categories.create!(name: name)
end

fact 'OPEN311_REDMINE_API_KEY', admin.api_key
fact 'OPEN311_REDMINE_PROJECT', project.identifier
fact 'OPEN311_REDMINE_TRACKER_ID', trackers.first.id
fact 'OPEN311_REDMINE_CATEGORY_IDS', categories.map(&:id).join(',')
fact 'OPEN311_REDMINE_OUR_ID_FIELD', our_id.id
fact 'OPEN311_REDMINE_LATITUDE_FIELD', latitude.id
fact 'OPEN311_REDMINE_LONGITUDE_FIELD', longitude.id
# In the default data's order (New, In Progress, Resolved, Feedback, Closed, Rejected), as id=name pairs: the
# names depend on the language the default data was loaded in.
fact 'OPEN311_REDMINE_STATUSES', IssueStatus.sorted.map { |s| "#{s.id}=#{s.name}" }.join(';')
