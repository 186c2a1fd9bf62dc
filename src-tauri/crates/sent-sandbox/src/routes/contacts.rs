//! Contacts (E18): paged list with filters. Contacts a profile reads from the organization (or
//! from sharing profiles) come with `is_inherited: true`.

use super::common::{customer_id, live_owner, paging};
use super::common::{Ctx, HandlerResult, Reply};
use crate::store::{Contact, Owner, State};
use crate::views;

/// Contacts visible in a scope, with their `is_inherited` flag.
pub fn visible<'a>(state: &'a State, ctx: &Ctx<'_>) -> Vec<(&'a Contact, bool)> {
    // S1: without stored flags (newer revision) there is no inheritance or sharing.
    let flags = crate::revision::stores_sharing_flags(ctx.app.revision());
    let shared = |c: &Contact| match c.owner {
        Owner::Profile(pid) => state
            .profile(pid)
            .is_some_and(|p| flags && p.allow_contact_sharing),
        Owner::Org => false,
    };
    let own = ctx.scope.owner();
    if crate::revision::org_sees_profile_resources(ctx.app.revision()) {
        // S1: no inheritance; an organization key sees its own and all its profiles' contacts,
        // a profile only its own; `is_inherited` is always false.
        let org_view = own == Owner::Org;
        return state
            .contacts
            .iter()
            .filter(|c| c.owner == own || (org_view && live_owner(state, c.owner)))
            .map(|c| (c, false))
            .collect();
    }
    let inherits = ctx
        .scope
        .profile
        .and_then(|id| state.profile(id))
        .map(|p| flags && p.inherit_contacts);
    state
        .contacts
        .iter()
        .filter_map(|c| {
            if c.owner == own {
                Some((c, false))
            } else {
                let reachable = match inherits {
                    None => shared(c),
                    Some(inh) => inh && (c.owner == Owner::Org || shared(c)),
                };
                reachable.then_some((c, true))
            }
        })
        .collect()
}

/// E18.
pub fn list(ctx: &Ctx<'_>) -> HandlerResult {
    let (page, size) = paging(ctx)?;
    let channel = ctx.query.get("channel").filter(|v| !v.is_empty());
    let phone = ctx.query.get("phone").filter(|v| !v.is_empty());
    let search = ctx.query.get("search").filter(|v| !v.is_empty());
    let s = ctx.app.read();
    let all: Vec<_> = visible(&s, ctx)
        .into_iter()
        .filter(|(c, _)| channel.is_none_or(|ch| c.available_channels.split(',').any(|x| x == ch)))
        .filter(|(c, _)| phone.is_none_or(|p| &c.phone_number == p))
        .filter(|(c, _)| search.is_none_or(|q| c.phone_number.contains(q.as_str())))
        .collect();
    let items: Vec<_> = all
        .iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .map(|(c, inh)| views::contact(c, *inh, customer_id(&s, c.owner, ctx)))
        .collect();
    Ok(Reply::ok(sent_model::contact::ContactList {
        contacts: items,
        pagination: Some(views::pagination_for(
            ctx.app.revision(),
            page,
            size,
            all.len(),
        )),
    }))
}
