// Sift team sync: the validation function of every review database (installed as _design/sift by setup.ts).
// CouchDB runs it on every write; it makes the event log append-only and lets a reviewer write only their own
// events. Server admins (and database admins) may do anything, e.g. to copy a database between servers.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CouchDB runs it from its source text
function validateDocUpdate(newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || []
  var admins = (secObj && secObj.admins) || {}
  var isAdmin = roles.indexOf('_admin') !== -1 || (admins.names || []).indexOf(userCtx.name) !== -1
  for (var i = 0; i < roles.length && !isAdmin; i++) {
    if ((admins.roles || []).indexOf(roles[i]) !== -1) isAdmin = true
  }
  if (newDoc._id.indexOf('_design/') === 0) {
    if (!isAdmin) throw { forbidden: 'Only an admin of this database can change its design documents.' }
    return
  }
  if (isAdmin) return
  if (oldDoc || newDoc._deleted) {
    throw { forbidden: 'Events are never changed or deleted: event ' + newDoc._id + ' already exists.' }
  }
  if (typeof newDoc.user !== 'string' || newDoc.user !== userCtx.name) {
    throw {
      forbidden:
        'Event ' +
        newDoc._id +
        ' is signed by "' +
        newDoc.user +
        '" but you are signed in as "' +
        userCtx.name +
        '": a reviewer can only send their own events.',
    }
  }
  var fields = ['type', 'actor', 'at', 'entity', 'entityId']
  for (var j = 0; j < fields.length; j++) {
    if (typeof newDoc[fields[j]] !== 'string') {
      throw { forbidden: 'Event ' + newDoc._id + ' is not a Sift event: it has no "' + fields[j] + '".' }
    }
  }
}
