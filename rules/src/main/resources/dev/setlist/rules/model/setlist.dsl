# Setlist's rule sentences. A .dslr file may use these inside a rule (lines under when and then)
# or, for the one-line forms at the end, as a whole rule on one line.
[when]the mode is {mode:[a-z_]+}=ActiveMode( mode == Mode.{mode!uc} )
[when]there is an item=$item : Item( )
[when]- of kind {kind:[a-z]+}=kind == ItemKind.{kind!uc}
[when]- of genre "{genre}"=hasGenre("{genre}")
[when]- not of genre "{genre}"=!hasGenre("{genre}")
[when]- tagged "{tag}"=hasTag("{tag}")
[when]- not tagged "{tag}"=!hasTag("{tag}")
[when]- shorter than {minutes:\d+} minutes=runtimeMinutes > 0, runtimeMinutes < {minutes}
[when]- longer than {minutes:\d+} minutes=runtimeMinutes > {minutes}
[when]- featured=featured
[when]- new=daysSinceAdded <= 14
[then]boost it by {percent:\d+}% because "{reason}"=insert(Adjustment.boost($item, {percent}, "{reason}"));
[then]bury it by {percent:\d+}% because "{reason}"=insert(Adjustment.bury($item, {percent}, "{reason}"));
[then]exclude it because "{reason}"=insert(Exclusion.of($item, "{reason}"));
[keyword]Boost "{genre:[^"]+}" by {percent:\d+}% in {mode:[a-z_]+} mode=rule "Boost {genre} by {percent}% in {mode} mode" when ActiveMode( mode == Mode.{mode!uc} ) $item : Item( hasGenre("{genre}") ) then insert(Adjustment.boost($item, {percent}, "{genre} suits {mode} mode")); end
[keyword]Bury "{genre:[^"]+}" by {percent:\d+}% in {mode:[a-z_]+} mode=rule "Bury {genre} by {percent}% in {mode} mode" when ActiveMode( mode == Mode.{mode!uc} ) $item : Item( hasGenre("{genre}") ) then insert(Adjustment.bury($item, {percent}, "{genre} does not suit {mode} mode")); end
