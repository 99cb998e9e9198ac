<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bn">
  <context>
    <name>ImisCompat</name>
    <message>
      <source>As an administrator you can upgrade it now (IMIS &gt; Upgrade database).</source>
      <translation>প্রশাসক হিসেবে আপনি এখনই এটি হালনাগাদ করতে পারেন (IMIS &gt; ডাটাবেস হালনাগাদ)।</translation>
    </message>
    <message>
      <source>Ask an IMIS administrator to upgrade it; until then IMIS leaves it untouched.</source>
      <translation>একজন IMIS প্রশাসককে এটি হালনাগাদ করতে বলুন; ততক্ষণ IMIS এতে কোনো পরিবর্তন করবে না।</translation>
    </message>
    <message>
      <source>This database holds no IMIS schema yet.</source>
      <translation>এই ডাটাবেসে এখনো কোনো IMIS স্কিমা নেই।</translation>
    </message>
    <message>
      <source>This database is at an older schema revision; this IMIS plugin needs revision {}.</source>
      <translation>এই ডাটাবেস পুরনো স্কিমা সংস্করণে আছে; এই IMIS প্লাগইনের প্রয়োজন সংস্করণ {}।</translation>
    </message>
    <message>
      <source>This database is at schema revision {} but this IMIS plugin needs revision {}.</source>
      <translation>এই ডাটাবেস স্কিমা সংস্করণ {}-এ আছে, কিন্তু এই IMIS প্লাগইনের প্রয়োজন সংস্করণ {}।</translation>
    </message>
    <message>
      <source>This database is at schema revision {}, newer than this IMIS plugin knows (revision {}): update the IMIS plugin.</source>
      <translation>এই ডাটাবেস স্কিমা সংস্করণ {}-এ আছে, যা এই IMIS প্লাগইনের জানা সংস্করণের ({}) চেয়ে নতুন: IMIS প্লাগইন হালনাগাদ করুন।</translation>
    </message>
  </context>
  <context>
    <name>ImisDashboard</name>
    <message>
      <source>All providers</source>
      <translation>সকল সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>All time</source>
      <translation>সব সময়</translation>
    </message>
    <message>
      <source>All wards</source>
      <translation>সকল ওয়ার্ড</translation>
    </message>
    <message>
      <source>Applications</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Applications and emptyings per month</source>
      <translation>মাসভিত্তিক আবেদন ও খালিকরণ</translation>
    </message>
    <message>
      <source>Applications from buildings in low-income communities / applications.</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠীর ভবন থেকে আবেদন / মোট আবেদন।</translation>
    </message>
    <message>
      <source>Applications of the period that were emptied / applications of the period.</source>
      <translation>সময়কালের যে আবেদনগুলোর খালিকরণ হয়েছে / সময়কালের মোট আবেদন।</translation>
    </message>
    <message>
      <source>Cannot compute the figures: {}</source>
      <translation>সংখ্যাগুলো হিসাব করা গেল না: {}</translation>
    </message>
    <message>
      <source>Cannot select: {}</source>
      <translation>নির্বাচন করা গেল না: {}</translation>
    </message>
    <message>
      <source>Click a figure or a bar to select the records behind it.</source>
      <translation>কোনো সংখ্যা বা স্তম্ভে ক্লিক করলে এর পেছনের রেকর্ডগুলো নির্বাচিত হবে।</translation>
    </message>
    <message>
      <source>Click to select {}.</source>
      <translation>{} নির্বাচন করতে ক্লিক করুন।</translation>
    </message>
    <message>
      <source>Customer satisfaction</source>
      <translation>গ্রাহক সন্তুষ্টি</translation>
    </message>
    <message>
      <source>Disposed (m³)</source>
      <translation>নিষ্কাশিত (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Emptied (m³)</source>
      <translation>খালিকৃত (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Emptying applications received in the period (cancelled ones excluded).</source>
      <translation>সময়কালে পাওয়া খালিকরণের আবেদন (বাতিলগুলো বাদে)।</translation>
    </message>
    <message>
      <source>Emptyings</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>Emptyings of the period with a disposal at a treatment plant / emptyings.</source>
      <translation>শোধনাগারে নিষ্কাশনসহ সময়কালের খালিকরণ / মোট খালিকরণ।</translation>
    </message>
    <message>
      <source>Faecal sludge management</source>
      <translation>মলবর্জ্য ব্যবস্থাপনা (এফএসএম)</translation>
    </message>
    <message>
      <source>Feedback saying the crew wore protective equipment / feedback that answered.</source>
      <translation>কর্মীরা সুরক্ষা সরঞ্জাম পরেছিলেন বলে মতামত / উত্তর দেওয়া মতামত।</translation>
    </message>
    <message>
      <source>IMIS service dashboard</source>
      <translation>IMIS সেবা ড্যাশবোর্ড</translation>
    </message>
    <message>
      <source>Last 12 months</source>
      <translation>গত ১২ মাস</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>গত ৩০ দিন</translation>
    </message>
    <message>
      <source>Low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Mean days from application to emptying, for the applications emptied.</source>
      <translation>খালিকৃত আবেদনের ক্ষেত্রে আবেদন থেকে খালিকরণ পর্যন্ত গড় দিন।</translation>
    </message>
    <message>
      <source>Mean satisfaction score (1-5) of the feedback of the period.</source>
      <translation>সময়কালের মতামতের গড় সন্তুষ্টি স্কোর (১-৫)।</translation>
    </message>
    <message>
      <source>PPE compliance</source>
      <translation>সুরক্ষা সরঞ্জাম (পিপিই) ব্যবহার</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>হালনাগাদ করুন</translation>
    </message>
    <message>
      <source>Response efficiency</source>
      <translation>সাড়া দেওয়ার দক্ষতা</translation>
    </message>
    <message>
      <source>Response time</source>
      <translation>সাড়া দেওয়ার সময়</translation>
    </message>
    <message>
      <source>Safe disposal</source>
      <translation>নিরাপদ নিষ্কাশন</translation>
    </message>
    <message>
      <source>Service stream (holding tax, water and solid waste join when their modules exist)</source>
      <translation>সেবার ধারা (হোল্ডিং কর, পানি ও কঠিন বর্জ্য তাদের মডিউল চালু হলে যুক্ত হবে)</translation>
    </message>
    <message>
      <source>Sludge delivered</source>
      <translation>শোধনাগারে পৌঁছানো স্লাজ</translation>
    </message>
    <message>
      <source>Sludge emptied and disposed</source>
      <translation>খালিকৃত ও নিষ্কাশিত স্লাজ</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>এই মাস</translation>
    </message>
    <message>
      <source>This quarter</source>
      <translation>এই ত্রৈমাসিক</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>এই বছর</translation>
    </message>
    <message>
      <source>Volume disposed at plants / volume emptied, for the emptyings of the period.</source>
      <translation>শোধনাগারে নিষ্কাশিত পরিমাণ / খালিকৃত পরিমাণ, সময়কালের খালিকরণের জন্য।</translation>
    </message>
    <message>
      <source>applications from low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠীর আবেদন</translation>
    </message>
    <message>
      <source>applications not emptied yet</source>
      <translation>যে আবেদনের খালিকরণ এখনো হয়নি</translation>
    </message>
    <message>
      <source>applications that were emptied</source>
      <translation>যে আবেদনের খালিকরণ হয়েছে</translation>
    </message>
    <message>
      <source>emptyings not fully delivered to a plant</source>
      <translation>যে খালিকরণের স্লাজ পুরোপুরি শোধনাগারে পৌঁছায়নি</translation>
    </message>
    <message>
      <source>emptyings without a disposal</source>
      <translation>নিষ্কাশনহীন খালিকরণ</translation>
    </message>
    <message>
      <source>feedback saying the crew wore no protective equipment</source>
      <translation>কর্মীরা সুরক্ষা সরঞ্জাম পরেননি বলে মতামত</translation>
    </message>
    <message>
      <source>feedback scoring below 4</source>
      <translation>৪-এর নিচে স্কোরের মতামত</translation>
    </message>
    <message>
      <source>n = {:g}</source>
      <translation>n = {:g}</translation>
    </message>
    <message>
      <source>no application of the period was emptied</source>
      <translation>সময়কালের কোনো আবেদনের খালিকরণ হয়নি</translation>
    </message>
    <message>
      <source>no applications in the period</source>
      <translation>সময়কালে কোনো আবেদন নেই</translation>
    </message>
    <message>
      <source>no emptyings in the period</source>
      <translation>সময়কালে কোনো খালিকরণ নেই</translation>
    </message>
    <message>
      <source>no feedback in the period</source>
      <translation>সময়কালে কোনো মতামত নেই</translation>
    </message>
    <message>
      <source>target {} {}</source>
      <translation>লক্ষ্য {} {}</translation>
    </message>
    <message>
      <source>the applications of the period</source>
      <translation>সময়কালের আবেদনগুলো</translation>
    </message>
    <message>
      <source>{:.1f} days</source>
      <translation>{:.1f} দিন</translation>
    </message>
    <message>
      <source>{:g} of {:g}</source>
      <translation>{1:g}-এর মধ্যে {0:g}</translation>
    </message>
    <message>
      <source>{} buildings behind this figure; open the IMIS project to see them on the map.</source>
      <translation>এই সংখ্যার পেছনে {}টি ভবন; মানচিত্রে দেখতে IMIS প্রকল্প খুলুন।</translation>
    </message>
    <message>
      <source>{} buildings selected.</source>
      <translation>{}টি ভবন নির্বাচিত।</translation>
    </message>
  </context>
  <context>
    <name>ImisDesktop</name>
    <message>
      <source>Build a QGIS project with every IMIS layer, style, form and relation</source>
      <translation>সব IMIS লেয়ার, স্টাইল, ফর্ম ও সম্পর্কসহ একটি QGIS প্রকল্প তৈরি করুন</translation>
    </message>
    <message>
      <source>Cannot reach the IMIS database: {}</source>
      <translation>IMIS ডাটাবেসে পৌঁছানো যাচ্ছে না: {}</translation>
    </message>
    <message>
      <source>Create IMIS project…</source>
      <translation>IMIS প্রকল্প তৈরি করুন…</translation>
    </message>
    <message>
      <source>Creating the IMIS project</source>
      <translation>IMIS প্রকল্প তৈরি হচ্ছে</translation>
    </message>
    <message>
      <source>Creating the IMIS project… (progress and cancel in the task bar)</source>
      <translation>IMIS প্রকল্প তৈরি হচ্ছে… (অগ্রগতি ও বাতিল টাস্ক বারে)</translation>
    </message>
    <message>
      <source>FSM service figures against their targets</source>
      <translation>লক্ষ্যের তুলনায় এফএসএম সেবার সংখ্যা</translation>
    </message>
    <message>
      <source>Find a building, holding, owner or containment and see its whole record (Ctrl+Alt+I)</source>
      <translation>ভবন, হোল্ডিং, মালিক বা কন্টেইনমেন্ট খুঁজুন এবং এর সম্পূর্ণ রেকর্ড দেখুন (Ctrl+Alt+I)</translation>
    </message>
    <message>
      <source>IMIS</source>
      <translation>IMIS</translation>
    </message>
    <message>
      <source>IMIS project opened: {} layers, {} relations.</source>
      <translation>IMIS প্রকল্প খোলা হয়েছে: {}টি লেয়ার, {}টি সম্পর্ক।</translation>
    </message>
    <message>
      <source>One-ID explorer</source>
      <translation>ওয়ান-আইডি অনুসন্ধান</translation>
    </message>
    <message>
      <source>QGIS projects (*.qgz)</source>
      <translation>QGIS প্রকল্প (*.qgz)</translation>
    </message>
    <message>
      <source>Save the IMIS project as</source>
      <translation>IMIS প্রকল্প সংরক্ষণ করুন</translation>
    </message>
    <message>
      <source>Service dashboard</source>
      <translation>সেবা ড্যাশবোর্ড</translation>
    </message>
    <message>
      <source>The IMIS project was not created: {}</source>
      <translation>IMIS প্রকল্প তৈরি হয়নি: {}</translation>
    </message>
    <message>
      <source>The dashboard needs matplotlib in QGIS's Python: {}</source>
      <translation>ড্যাশবোর্ডের জন্য QGIS-এর পাইথনে matplotlib দরকার: {}</translation>
    </message>
    <message>
      <source>Upgrade…</source>
      <translation>হালনাগাদ…</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>বাতিল করা হয়েছে</translation>
    </message>
    <message>
      <source>{} layers are read-only for your role.</source>
      <translation>আপনার ভূমিকার জন্য {}টি লেয়ার শুধু পড়ার যোগ্য।</translation>
    </message>
  </context>
  <context>
    <name>ImisForms</name>
    <message>
      <source>A building may hold several tax holdings; open a holding to see or change its owner.</source>
      <translation>একটি ভবনে একাধিক কর হোল্ডিং থাকতে পারে; মালিক দেখতে বা বদলাতে হোল্ডিংটি খুলুন।</translation>
    </message>
    <message>
      <source>A cancel reason is only for cancelled applications</source>
      <translation>বাতিলের কারণ শুধু বাতিল আবেদনের জন্য</translation>
    </message>
    <message>
      <source>A containment may serve several buildings.</source>
      <translation>একটি কন্টেইনমেন্ট একাধিক ভবনকে সেবা দিতে পারে।</translation>
    </message>
    <message>
      <source>A photo before and after emptying, taken on site (stored next to the project, under DCIM/).</source>
      <translation>খালিকরণের আগে ও পরে সাইটে তোলা ছবি (প্রকল্পের পাশে DCIM/ ফোল্ডারে রাখা হয়)।</translation>
    </message>
    <message>
      <source>Access notes</source>
      <translation>প্রবেশ সংক্রান্ত মন্তব্য</translation>
    </message>
    <message>
      <source>Access road width (m)</source>
      <translation>প্রবেশ সড়কের প্রস্থ (মিটার)</translation>
    </message>
    <message>
      <source>Accessible</source>
      <translation>প্রবেশযোগ্য</translation>
    </message>
    <message>
      <source>Accessible for emptying</source>
      <translation>খালিকরণের জন্য প্রবেশযোগ্য</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>সক্রিয়</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>ঠিকানা</translation>
    </message>
    <message>
      <source>An application needs a building or a holding</source>
      <translation>আবেদনে একটি ভবন বা হোল্ডিং থাকতে হবে</translation>
    </message>
    <message>
      <source>Annual value (BDT)</source>
      <translation>বার্ষিক মূল্য (টাকা)</translation>
    </message>
    <message>
      <source>Application</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Application number</source>
      <translation>আবেদন নম্বর</translation>
    </message>
    <message>
      <source>Applied on</source>
      <translation>আবেদনের তারিখ</translation>
    </message>
    <message>
      <source>Ask the customer after the emptying: 1 = very unhappy, 5 = very happy.</source>
      <translation>খালিকরণের পর গ্রাহককে জিজ্ঞেস করুন: ১ = খুবই অসন্তুষ্ট, ৫ = খুবই সন্তুষ্ট।</translation>
    </message>
    <message>
      <source>Assessed by</source>
      <translation>মূল্যায়নকারী</translation>
    </message>
    <message>
      <source>Assessed on</source>
      <translation>মূল্যায়নের তারিখ</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>মূল্যায়ন</translation>
    </message>
    <message>
      <source>BIN</source>
      <translation>বিআইএন (ভবন নম্বর)</translation>
    </message>
    <message>
      <source>BOD (mg/l)</source>
      <translation>বিওডি (মি.গ্রা./লি.)</translation>
    </message>
    <message>
      <source>Boundary</source>
      <translation>সীমানা</translation>
    </message>
    <message>
      <source>Building (BIN)</source>
      <translation>ভবন (বিআইএন)</translation>
    </message>
    <message>
      <source>Building name</source>
      <translation>ভবনের নাম</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings served</source>
      <translation>সেবাপ্রাপ্ত ভবন</translation>
    </message>
    <message>
      <source>Built on</source>
      <translation>নির্মাণের তারিখ</translation>
    </message>
    <message>
      <source>COD (mg/l)</source>
      <translation>সিওডি (মি.গ্রা./লি.)</translation>
    </message>
    <message>
      <source>Cancellation</source>
      <translation>বাতিল</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>বাতিল</translation>
    </message>
    <message>
      <source>Capacity (m³)</source>
      <translation>ধারণক্ষমতা (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Capacity (m³/day)</source>
      <translation>ধারণক্ষমতা (ঘনমিটার/দিন)</translation>
    </message>
    <message>
      <source>Caretaker</source>
      <translation>তত্ত্বাবধায়ক</translation>
    </message>
    <message>
      <source>Caretaker phone</source>
      <translation>তত্ত্বাবধায়কের ফোন</translation>
    </message>
    <message>
      <source>Carrying width (m)</source>
      <translation>চলাচলযোগ্য প্রস্থ (মিটার)</translation>
    </message>
    <message>
      <source>Choose the functional use before the use category</source>
      <translation>ব্যবহারের শ্রেণির আগে কার্যগত ব্যবহার বেছে নিন</translation>
    </message>
    <message>
      <source>Choose the functional use first: the use categories offered depend on it.</source>
      <translation>আগে কার্যগত ব্যবহার বেছে নিন: ব্যবহারের শ্রেণিগুলো এর ওপর নির্ভর করে।</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>কোড</translation>
    </message>
    <message>
      <source>Comments</source>
      <translation>মন্তব্য</translation>
    </message>
    <message>
      <source>Commissioned</source>
      <translation>চালুর তারিখ</translation>
    </message>
    <message>
      <source>Community toilets used</source>
      <translation>ব্যবহৃত কমিউনিটি টয়লেট</translation>
    </message>
    <message>
      <source>Confirmed by (caretaker)</source>
      <translation>নিশ্চিতকারী (তত্ত্বাবধায়ক)</translation>
    </message>
    <message>
      <source>Construction year</source>
      <translation>নির্মাণ বছর</translation>
    </message>
    <message>
      <source>Construction year must be between 1800 and 2100</source>
      <translation>নির্মাণ বছর ১৮০০ থেকে ২১০০-এর মধ্যে হতে হবে</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>যোগাযোগের ব্যক্তি</translation>
    </message>
    <message>
      <source>Containment</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containment type</source>
      <translation>কন্টেইনমেন্টের ধরন</translation>
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Coordinate reference system (SRID)</source>
      <translation>স্থানাঙ্ক ব্যবস্থা (SRID)</translation>
    </message>
    <message>
      <source>Cost (BDT)</source>
      <translation>খরচ (টাকা)</translation>
    </message>
    <message>
      <source>Cover</source>
      <translation>ঢাকনা</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>তৈরির সময়</translation>
    </message>
    <message>
      <source>Crew</source>
      <translation>কর্মী দল</translation>
    </message>
    <message>
      <source>Crew wore protective equipment</source>
      <translation>কর্মীরা সুরক্ষা সরঞ্জাম পরেছিলেন</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>গ্রাহক</translation>
    </message>
    <message>
      <source>Customer gender</source>
      <translation>গ্রাহকের লিঙ্গ</translation>
    </message>
    <message>
      <source>Customer name</source>
      <translation>গ্রাহকের নাম</translation>
    </message>
    <message>
      <source>Customer phone</source>
      <translation>গ্রাহকের ফোন</translation>
    </message>
    <message>
      <source>Database login</source>
      <translation>ডাটাবেস লগইন</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>তারিখ</translation>
    </message>
    <message>
      <source>Depth (m)</source>
      <translation>গভীরতা (মিটার)</translation>
    </message>
    <message>
      <source>Diameter (m)</source>
      <translation>ব্যাস (মিটার)</translation>
    </message>
    <message>
      <source>Diameter (mm)</source>
      <translation>ব্যাস (মিলিমিটার)</translation>
    </message>
    <message>
      <source>Disposal</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Disposals</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Disposed on</source>
      <translation>নিষ্কাশনের তারিখ</translation>
    </message>
    <message>
      <source>Drain</source>
      <translation>ড্রেন</translation>
    </message>
    <message>
      <source>Drinking water source</source>
      <translation>খাবার পানির উৎস</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>ই-মেইল</translation>
    </message>
    <message>
      <source>E. coli (CFU/100 ml)</source>
      <translation>ই. কোলাই (CFU/১০০ মি.লি.)</translation>
    </message>
    <message>
      <source>Each delivery of this sludge to a treatment plant.</source>
      <translation>এই স্লাজ শোধনাগারে পৌঁছানোর প্রতিটি চালান।</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>জরুরি</translation>
    </message>
    <message>
      <source>Employee</source>
      <translation>কর্মচারী</translation>
    </message>
    <message>
      <source>Emptied on</source>
      <translation>খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Emptying</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>Emptying applications</source>
      <translation>খালিকরণের আবেদন</translation>
    </message>
    <message>
      <source>Emptying applications for this building, newest last. Open one to see its assessment, emptying, disposal and feedback.</source>
      <translation>এই ভবনের খালিকরণের আবেদন, নতুনগুলো শেষে। মূল্যায়ন, খালিকরণ, নিষ্কাশন ও মতামত দেখতে একটি খুলুন।</translation>
    </message>
    <message>
      <source>Emptying method</source>
      <translation>খালিকরণ পদ্ধতি</translation>
    </message>
    <message>
      <source>Entered the plant</source>
      <translation>শোধনাগারে প্রবেশ</translation>
    </message>
    <message>
      <source>Estimated cost (BDT)</source>
      <translation>আনুমানিক খরচ (টাকা)</translation>
    </message>
    <message>
      <source>Everyone who worked on this emptying.</source>
      <translation>এই খালিকরণে যাঁরা কাজ করেছেন।</translation>
    </message>
    <message>
      <source>Fee (BDT)</source>
      <translation>ফি (টাকা)</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>মতামত</translation>
    </message>
    <message>
      <source>Feedback on</source>
      <translation>মতামতের তারিখ</translation>
    </message>
    <message>
      <source>Female population</source>
      <translation>নারী জনসংখ্যা</translation>
    </message>
    <message>
      <source>Female users</source>
      <translation>নারী ব্যবহারকারী</translation>
    </message>
    <message>
      <source>Find the building by its BIN (or pick it on the map) and its containment; a holding alone is enough when the building is not mapped yet.</source>
      <translation>বিআইএন দিয়ে ভবন খুঁজুন (বা মানচিত্রে বেছে নিন) এবং এর কন্টেইনমেন্ট; ভবন মানচিত্রে না থাকলে শুধু হোল্ডিংই যথেষ্ট।</translation>
    </message>
    <message>
      <source>Finished</source>
      <translation>শেষ</translation>
    </message>
    <message>
      <source>Floors</source>
      <translation>তলা</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>পুরো নাম</translation>
    </message>
    <message>
      <source>Functional use</source>
      <translation>কার্যগত ব্যবহার</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>লিঙ্গ</translation>
    </message>
    <message>
      <source>Geometry</source>
      <translation>জ্যামিতি</translation>
    </message>
    <message>
      <source>Handwashing facility</source>
      <translation>হাত ধোয়ার ব্যবস্থা</translation>
    </message>
    <message>
      <source>Hint</source>
      <translation>পরামর্শ</translation>
    </message>
    <message>
      <source>Holding</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holding code</source>
      <translation>হোল্ডিং কোড</translation>
    </message>
    <message>
      <source>Holding code: use the standard form XX-XXX-XXXX-XX (ward-zone-holding-extension), or tick “Legacy code”</source>
      <translation>হোল্ডিং কোড: আদর্শ রূপ XX-XXX-XXXX-XX (ওয়ার্ড-জোন-হোল্ডিং-সম্প্রসারণ) ব্যবহার করুন, অথবা “পুরনো কোড” টিক দিন</translation>
    </message>
    <message>
      <source>Holdings</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holdings and owners</source>
      <translation>হোল্ডিং ও মালিক</translation>
    </message>
    <message>
      <source>House number</source>
      <translation>বাড়ি নম্বর</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>খানা</translation>
    </message>
    <message>
      <source>Identification</source>
      <translation>পরিচিতি</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png)</source>
      <translation>ছবি (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>ব্যবহৃত হচ্ছে</translation>
    </message>
    <message>
      <source>Joined</source>
      <translation>যোগদান</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>ধরন</translation>
    </message>
    <message>
      <source>Kind of city</source>
      <translation>শহরের ধরন</translation>
    </message>
    <message>
      <source>Label (Bangla)</source>
      <translation>নাম (বাংলা)</translation>
    </message>
    <message>
      <source>Label (English)</source>
      <translation>নাম (ইংরেজি)</translation>
    </message>
    <message>
      <source>Last changed</source>
      <translation>সর্বশেষ পরিবর্তন</translation>
    </message>
    <message>
      <source>Last changed by</source>
      <translation>সর্বশেষ পরিবর্তনকারী</translation>
    </message>
    <message>
      <source>Last emptied</source>
      <translation>সর্বশেষ খালিকরণ</translation>
    </message>
    <message>
      <source>Last emptied date and count are updated by recorded emptyings; change them by hand only for history from before IMIS.</source>
      <translation>সর্বশেষ খালিকরণের তারিখ ও সংখ্যা রেকর্ড করা খালিকরণ থেকে হালনাগাদ হয়; শুধু IMIS-এর আগের ইতিহাসের জন্য হাতে বদলান।</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>বিদায়</translation>
    </message>
    <message>
      <source>Left the plant</source>
      <translation>শোধনাগার ত্যাগ</translation>
    </message>
    <message>
      <source>Legacy code</source>
      <translation>পুরনো কোড</translation>
    </message>
    <message>
      <source>Length (m)</source>
      <translation>দৈর্ঘ্য (মিটার)</translation>
    </message>
    <message>
      <source>Licence number</source>
      <translation>লাইসেন্স নম্বর</translation>
    </message>
    <message>
      <source>Licence valid until</source>
      <translation>লাইসেন্সের মেয়াদ</translation>
    </message>
    <message>
      <source>Lining</source>
      <translation>আস্তরণ</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>অবস্থান</translation>
    </message>
    <message>
      <source>Low-income community</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Male population</source>
      <translation>পুরুষ জনসংখ্যা</translation>
    </message>
    <message>
      <source>Male users</source>
      <translation>পুরুষ ব্যবহারকারী</translation>
    </message>
    <message>
      <source>Menstrual hygiene facility</source>
      <translation>মাসিক স্বাস্থ্যবিধির ব্যবস্থা</translation>
    </message>
    <message>
      <source>More</source>
      <translation>আরও</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>নাম</translation>
    </message>
    <message>
      <source>Name (Bangla)</source>
      <translation>নাম (বাংলা)</translation>
    </message>
    <message>
      <source>National ID</source>
      <translation>জাতীয় পরিচয়পত্র</translation>
    </message>
    <message>
      <source>Next emptying due</source>
      <translation>পরবর্তী খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>মন্তব্য</translation>
    </message>
    <message>
      <source>Number of pits</source>
      <translation>গর্তের সংখ্যা</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>পরিচালনাকারী</translation>
    </message>
    <message>
      <source>Other population</source>
      <translation>অন্যান্য জনসংখ্যা</translation>
    </message>
    <message>
      <source>Outlet treatment plant</source>
      <translation>নির্গমনের শোধনাগার</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>মালিক</translation>
    </message>
    <message>
      <source>People</source>
      <translation>জনসংখ্যা</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>ফোন</translation>
    </message>
    <message>
      <source>Photo after</source>
      <translation>পরের ছবি</translation>
    </message>
    <message>
      <source>Photo before</source>
      <translation>আগের ছবি</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>ছবি</translation>
    </message>
    <message>
      <source>Plant type</source>
      <translation>শোধনাগারের ধরন</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>জনসংখ্যা</translation>
    </message>
    <message>
      <source>Population = female + male + other. Leave a count empty when it was not asked, not 0.</source>
      <translation>জনসংখ্যা = নারী + পুরুষ + অন্যান্য। যে সংখ্যা জিজ্ঞেস করা হয়নি তা ফাঁকা রাখুন, ০ নয়।</translation>
    </message>
    <message>
      <source>Population must equal female + male + other population</source>
      <translation>জনসংখ্যা অবশ্যই নারী + পুরুষ + অন্যান্য জনসংখ্যার সমান হবে</translation>
    </message>
    <message>
      <source>Proposed emptying date</source>
      <translation>প্রস্তাবিত খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Reachable by an emptying vehicle</source>
      <translation>খালিকরণের গাড়ি পৌঁছাতে পারে</translation>
    </message>
    <message>
      <source>Reason for cancelling</source>
      <translation>বাতিলের কারণ</translation>
    </message>
    <message>
      <source>Receipt number</source>
      <translation>রসিদ নম্বর</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>রেকর্ড</translation>
    </message>
    <message>
      <source>Record ID</source>
      <translation>রেকর্ড আইডি</translation>
    </message>
    <message>
      <source>Record the sanitation system of the building's toilets; link the containments the building uses below.</source>
      <translation>ভবনের টয়লেটের স্যানিটেশন ব্যবস্থা লিখুন; ভবনটি যে কন্টেইনমেন্ট ব্যবহার করে তা নিচে যুক্ত করুন।</translation>
    </message>
    <message>
      <source>Registration number</source>
      <translation>নিবন্ধন নম্বর</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>মন্তব্য</translation>
    </message>
    <message>
      <source>Requested emptying date</source>
      <translation>অনুরোধকৃত খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Respondent gender</source>
      <translation>উত্তরদাতার লিঙ্গ</translation>
    </message>
    <message>
      <source>Road</source>
      <translation>সড়ক</translation>
    </message>
    <message>
      <source>Road hierarchy</source>
      <translation>সড়কের শ্রেণি</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>ভূমিকা</translation>
    </message>
    <message>
      <source>Rule “{rule}” is not met</source>
      <translation>“{rule}” নিয়ম মানা হয়নি</translation>
    </message>
    <message>
      <source>Sample date</source>
      <translation>নমুনার তারিখ</translation>
    </message>
    <message>
      <source>Sanitation system</source>
      <translation>স্যানিটেশন ব্যবস্থা</translation>
    </message>
    <message>
      <source>Satisfaction (1-5)</source>
      <translation>সন্তুষ্টি (১-৫)</translation>
    </message>
    <message>
      <source>Satisfaction is a score from 1 (poor) to 5 (excellent)</source>
      <translation>সন্তুষ্টি ১ (খারাপ) থেকে ৫ (চমৎকার) পর্যন্ত একটি স্কোর</translation>
    </message>
    <message>
      <source>Scheduled programme</source>
      <translation>নির্ধারিত কর্মসূচি</translation>
    </message>
    <message>
      <source>Seats for men</source>
      <translation>পুরুষদের আসন</translation>
    </message>
    <message>
      <source>Seats for women</source>
      <translation>নারীদের আসন</translation>
    </message>
    <message>
      <source>Separate for women</source>
      <translation>নারীদের জন্য আলাদা</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>সেবা</translation>
    </message>
    <message>
      <source>Service provider</source>
      <translation>সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>সেবা</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>তীব্রতা</translation>
    </message>
    <message>
      <source>Sewer</source>
      <translation>সুয়ারেজ লাইন</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>আকার</translation>
    </message>
    <message>
      <source>Size (mm)</source>
      <translation>আকার (মিলিমিটার)</translation>
    </message>
    <message>
      <source>Sludge of one emptying delivered to a treatment plant; the plant's caretaker confirms the volume.</source>
      <translation>একটি খালিকরণের স্লাজ শোধনাগারে পৌঁছানো হয়েছে; শোধনাগারের তত্ত্বাবধায়ক পরিমাণ নিশ্চিত করেন।</translation>
    </message>
    <message>
      <source>Sludge volume (m³)</source>
      <translation>স্লাজের পরিমাণ (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Sort order</source>
      <translation>ক্রম</translation>
    </message>
    <message>
      <source>Standard code XX-XXX-XXXX-XX (ward-zone-holding-extension); tick Legacy code for an old number that does not fit.</source>
      <translation>আদর্শ কোড XX-XXX-XXXX-XX (ওয়ার্ড-জোন-হোল্ডিং-সম্প্রসারণ); যে পুরনো নম্বর মেলে না তার জন্য “পুরনো কোড” টিক দিন।</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>শুরু</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>অবস্থা</translation>
    </message>
    <message>
      <source>Structure</source>
      <translation>কাঠামো</translation>
    </message>
    <message>
      <source>Surface</source>
      <translation>উপরিতল</translation>
    </message>
    <message>
      <source>Surveyed on</source>
      <translation>জরিপের তারিখ</translation>
    </message>
    <message>
      <source>TSS (mg/l)</source>
      <translation>টিএসএস (মি.গ্রা./লি.)</translation>
    </message>
    <message>
      <source>Tested by</source>
      <translation>পরীক্ষাকারী</translation>
    </message>
    <message>
      <source>The BIN is the building's one ID for every service: never reuse the BIN of a demolished building.</source>
      <translation>বিআইএন হলো সব সেবার জন্য ভবনের একক আইডি: ভেঙে ফেলা ভবনের বিআইএন কখনো আবার ব্যবহার করবেন না।</translation>
    </message>
    <message>
      <source>The application date cannot be in the future</source>
      <translation>আবেদনের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The assessment date cannot be in the future</source>
      <translation>মূল্যায়নের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The carrying width cannot exceed the road width</source>
      <translation>চলাচলযোগ্য প্রস্থ সড়কের প্রস্থের বেশি হতে পারে না</translation>
    </message>
    <message>
      <source>The construction date cannot be in the future</source>
      <translation>নির্মাণের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The disposal date cannot be in the future</source>
      <translation>নিষ্কাশনের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The emptying date cannot be in the future</source>
      <translation>খালিকরণের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The end time must be after the start time</source>
      <translation>শেষের সময় শুরুর সময়ের পরে হতে হবে</translation>
    </message>
    <message>
      <source>The exit time must be after the entry time</source>
      <translation>বের হওয়ার সময় প্রবেশের সময়ের পরে হতে হবে</translation>
    </message>
    <message>
      <source>The feedback date cannot be in the future</source>
      <translation>মতামতের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The person who asked for the service, as written on the application.</source>
      <translation>যিনি সেবা চেয়েছেন, আবেদনে যেভাবে লেখা আছে।</translation>
    </message>
    <message>
      <source>The site visit before emptying: how much sludge, how many trips with which vehicle, and whether it can reach the containment.</source>
      <translation>খালিকরণের আগে সাইট পরিদর্শন: কত স্লাজ, কোন গাড়িতে কতবার যেতে হবে, এবং গাড়ি কন্টেইনমেন্টে পৌঁছাতে পারে কি না।</translation>
    </message>
    <message>
      <source>The steps of the service chain, in order: assessment, emptying (with its disposals) and the customer's feedback.</source>
      <translation>সেবা শৃঙ্খলের ধাপগুলো, ক্রমানুসারে: মূল্যায়ন, খালিকরণ (নিষ্কাশনসহ) এবং গ্রাহকের মতামত।</translation>
    </message>
    <message>
      <source>The survey date cannot be in the future</source>
      <translation>জরিপের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>Tick Cancelled and give the reason; a cancelled application stays on record.</source>
      <translation>“বাতিল” টিক দিন এবং কারণ লিখুন; বাতিল আবেদন রেকর্ডে থেকে যায়।</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>সময় অঞ্চল</translation>
    </message>
    <message>
      <source>Times emptied</source>
      <translation>খালিকরণের সংখ্যা</translation>
    </message>
    <message>
      <source>Toilet</source>
      <translation>টয়লেট</translation>
    </message>
    <message>
      <source>Toilets</source>
      <translation>টয়লেট</translation>
    </message>
    <message>
      <source>Treatment plant</source>
      <translation>শোধনাগার</translation>
    </message>
    <message>
      <source>Trips</source>
      <translation>ট্রিপ</translation>
    </message>
    <message>
      <source>Trips needed</source>
      <translation>প্রয়োজনীয় ট্রিপ</translation>
    </message>
    <message>
      <source>Type = container and outlet (for example septic tank to soak pit). Measure inside dimensions in metres.</source>
      <translation>ধরন = আধার ও নির্গমন পথ (যেমন সেপটিক ট্যাংক থেকে সোক পিটে)। ভেতরের মাপ মিটারে নিন।</translation>
    </message>
    <message>
      <source>Typical depth (m)</source>
      <translation>সাধারণ গভীরতা (মিটার)</translation>
    </message>
    <message>
      <source>Typical duration (days)</source>
      <translation>সাধারণ স্থায়িত্ব (দিন)</translation>
    </message>
    <message>
      <source>Universal design</source>
      <translation>সর্বজনীন নকশা</translation>
    </message>
    <message>
      <source>Universal seats</source>
      <translation>সর্বজনীন আসন</translation>
    </message>
    <message>
      <source>Use and structure</source>
      <translation>ব্যবহার ও কাঠামো</translation>
    </message>
    <message>
      <source>Use category</source>
      <translation>ব্যবহারের শ্রেণি</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>মান</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>গাড়ি</translation>
    </message>
    <message>
      <source>Vehicle needed</source>
      <translation>প্রয়োজনীয় গাড়ি</translation>
    </message>
    <message>
      <source>Vehicle type</source>
      <translation>গাড়ির ধরন</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>সংস্করণ</translation>
    </message>
    <message>
      <source>Volume (m³)</source>
      <translation>পরিমাণ (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Volume is what left the containment, in m³. Disposals cannot add up to more than this volume.</source>
      <translation>পরিমাণ হলো কন্টেইনমেন্ট থেকে যা বের হয়েছে, ঘনমিটারে। নিষ্কাশনের যোগফল এর বেশি হতে পারে না।</translation>
    </message>
    <message>
      <source>Ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Ward number</source>
      <translation>ওয়ার্ড নম্বর</translation>
    </message>
    <message>
      <source>Water and sanitation</source>
      <translation>পানি ও স্যানিটেশন</translation>
    </message>
    <message>
      <source>Water body type</source>
      <translation>জলাশয়ের ধরন</translation>
    </message>
    <message>
      <source>Width (m)</source>
      <translation>প্রস্থ (মিটার)</translation>
    </message>
    <message>
      <source>Working days</source>
      <translation>কর্মদিবস</translation>
    </message>
    <message>
      <source>pH</source>
      <translation>পিএইচ</translation>
    </message>
    <message>
      <source>pH must be between 0 and 14</source>
      <translation>পিএইচ ০ থেকে ১৪-এর মধ্যে হতে হবে</translation>
    </message>
    <message>
      <source>{field} cannot be blank</source>
      <translation>{field} ফাঁকা রাখা যাবে না</translation>
    </message>
    <message>
      <source>{field} cannot be negative</source>
      <translation>{field} ঋণাত্মক হতে পারে না</translation>
    </message>
    <message>
      <source>{field} must be at least 1</source>
      <translation>{field} অন্তত ১ হতে হবে</translation>
    </message>
    <message>
      <source>{field} must be greater than 0</source>
      <translation>{field} অবশ্যই ০-এর বেশি হবে</translation>
    </message>
    <message>
      <source>{field}: 10, 13 or 17 digits</source>
      <translation>{field}: ১০, ১৩ বা ১৭ অঙ্ক</translation>
    </message>
    <message>
      <source>{field}: an e-mail address such as name@example.org</source>
      <translation>{field}: name@example.org-এর মতো একটি ই-মেইল ঠিকানা</translation>
    </message>
    <message>
      <source>{field}: digits, spaces or dashes, with an optional leading + (6 to 20 characters)</source>
      <translation>{field}: অঙ্ক, ফাঁকা বা ড্যাশ, শুরুতে ঐচ্ছিক + (৬ থেকে ২০ অক্ষর)</translation>
    </message>
    <message>
      <source>{later} cannot be before {earlier}</source>
      <translation>{later} {earlier}-এর আগে হতে পারে না</translation>
    </message>
  </context>
  <context>
    <name>ImisOneId</name>
    <message>
      <source> (+{} more)</source>
      <translation> (+আরও {}টি)</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>ঠিকানা</translation>
    </message>
    <message>
      <source>Annual value (BDT)</source>
      <translation>বার্ষিক মূল্য (টাকা)</translation>
    </message>
    <message>
      <source>Application</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>মূল্যায়ন</translation>
    </message>
    <message>
      <source>BIN, holding code, owner name, phone or containment code</source>
      <translation>বিআইএন, হোল্ডিং কোড, মালিকের নাম, ফোন বা কন্টেইনমেন্ট কোড</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings: {buildings} · holdings: {holdings} · owners: {owners} · containments: {containments} · applications: {applications}</source>
      <translation>ভবন: {buildings} · হোল্ডিং: {holdings} · মালিক: {owners} · কন্টেইনমেন্ট: {containments} · আবেদন: {applications}</translation>
    </message>
    <message>
      <source>Cannot read the record: {}</source>
      <translation>রেকর্ড পড়া গেল না: {}</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>কোড</translation>
    </message>
    <message>
      <source>Containment</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Disposal</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Drinking water</source>
      <translation>খাবার পানি</translation>
    </message>
    <message>
      <source>Emptying</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>মতামত</translation>
    </message>
    <message>
      <source>Floors</source>
      <translation>তলা</translation>
    </message>
    <message>
      <source>Functional use</source>
      <translation>কার্যগত ব্যবহার</translation>
    </message>
    <message>
      <source>Holding</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holdings and owners</source>
      <translation>হোল্ডিং ও মালিক</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>খানা</translation>
    </message>
    <message>
      <source>IMIS One-ID explorer</source>
      <translation>IMIS ওয়ান-আইডি অনুসন্ধান</translation>
    </message>
    <message>
      <source>Last emptied</source>
      <translation>সর্বশেষ খালিকরণ</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>নাম</translation>
    </message>
    <message>
      <source>Next emptying due</source>
      <translation>পরবর্তী খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>No containment linked.</source>
      <translation>কোনো কন্টেইনমেন্ট যুক্ত নেই।</translation>
    </message>
    <message>
      <source>No holding linked.</source>
      <translation>কোনো হোল্ডিং যুক্ত নেই।</translation>
    </message>
    <message>
      <source>No service recorded.</source>
      <translation>কোনো সেবা রেকর্ড করা নেই।</translation>
    </message>
    <message>
      <source>Nothing found.</source>
      <translation>কিছু পাওয়া যায়নি।</translation>
    </message>
    <message>
      <source>Open the IMIS project (IMIS &gt; Create IMIS project) to select on the map.</source>
      <translation>মানচিত্রে নির্বাচন করতে IMIS প্রকল্প খুলুন (IMIS &gt; IMIS প্রকল্প তৈরি করুন)।</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>মালিক</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>ফোন</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>জনসংখ্যা</translation>
    </message>
    <message>
      <source>Sanitation system</source>
      <translation>স্যানিটেশন ব্যবস্থা</translation>
    </message>
    <message>
      <source>Search failed: {}</source>
      <translation>অনুসন্ধান ব্যর্থ: {}</translation>
    </message>
    <message>
      <source>Select on map</source>
      <translation>মানচিত্রে নির্বাচন</translation>
    </message>
    <message>
      <source>Select the record's buildings and containments in the project (Ctrl+L)</source>
      <translation>প্রকল্পে রেকর্ডের ভবন ও কন্টেইনমেন্ট নির্বাচন করুন (Ctrl+L)</translation>
    </message>
    <message>
      <source>Service history</source>
      <translation>সেবার ইতিহাস</translation>
    </message>
    <message>
      <source>Structure</source>
      <translation>কাঠামো</translation>
    </message>
    <message>
      <source>Surveyed on</source>
      <translation>জরিপের তারিখ</translation>
    </message>
    <message>
      <source>This record has no place on the map.</source>
      <translation>এই রেকর্ডের মানচিত্রে কোনো অবস্থান নেই।</translation>
    </message>
    <message>
      <source>Times emptied</source>
      <translation>খালিকরণের সংখ্যা</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>ধরন</translation>
    </message>
    <message>
      <source>Type at least two characters.</source>
      <translation>অন্তত দুটি অক্ষর লিখুন।</translation>
    </message>
    <message>
      <source>Volume (m³)</source>
      <translation>পরিমাণ (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Zoom to</source>
      <translation>জুম করুন</translation>
    </message>
    <message>
      <source>Zoom to the record's buildings and containments and flash them (Enter)</source>
      <translation>রেকর্ডের ভবন ও কন্টেইনমেন্টে জুম করে ঝলক দেখান (Enter)</translation>
    </message>
    <message>
      <source>legacy</source>
      <translation>পুরনো</translation>
    </message>
    <message>
      <source>no</source>
      <translation>না</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>হ্যাঁ</translation>
    </message>
    <message>
      <source>{} hits</source>
      <translation>{}টি ফলাফল</translation>
    </message>
  </context>
  <context>
    <name>ImisPlugin</name>
    <message>
      <source>&amp;IMIS</source>
      <translation>&amp;IMIS</translation>
    </message>
    <message>
      <source>City</source>
      <translation>শহর</translation>
    </message>
    <message>
      <source>Create QField package…</source>
      <translation>QField প্যাকেজ তৈরি করুন…</translation>
    </message>
    <message>
      <source>Current city: {}. IMIS tools now work on its database.</source>
      <translation>বর্তমান শহর: {}। IMIS টুলগুলো এখন এর ডাটাবেসে কাজ করবে।</translation>
    </message>
    <message>
      <source>Database status…</source>
      <translation>ডাটাবেসের অবস্থা…</translation>
    </message>
    <message>
      <source>Enable the Processing plugin, then search the toolbox for “{}”.</source>
      <translation>প্রসেসিং প্লাগইন চালু করুন, তারপর টুলবক্সে “{}” খুঁজুন।</translation>
    </message>
    <message>
      <source>Import field edits…</source>
      <translation>মাঠের সম্পাদনা ইমপোর্ট করুন…</translation>
    </message>
    <message>
      <source>No city registered: imis cities add NAME SERVICE</source>
      <translation>কোনো শহর নিবন্ধিত নেই: imis cities add NAME SERVICE</translation>
    </message>
    <message>
      <source>Processing tools…</source>
      <translation>প্রসেসিং টুল…</translation>
    </message>
    <message>
      <source>The IMIS Processing provider could not be registered (is another IMIS loaded?)</source>
      <translation>IMIS প্রসেসিং প্রোভাইডার নিবন্ধন করা যায়নি (অন্য কোনো IMIS কি চালু আছে?)</translation>
    </message>
    <message>
      <source>The algorithm {} is not available; see the IMIS log messages.</source>
      <translation>{} অ্যালগরিদমটি পাওয়া যাচ্ছে না; IMIS লগ বার্তা দেখুন।</translation>
    </message>
    <message>
      <source>Upgrade database…</source>
      <translation>ডাটাবেস হালনাগাদ…</translation>
    </message>
  </context>
  <context>
    <name>ImisProcessing</name>
    <message>
      <source> and published</source>
      <translation> এবং প্রকাশিত</translation>
    </message>
    <message>
      <source>(no report file chosen)</source>
      <translation>(কোনো প্রতিবেদন ফাইল বেছে নেওয়া হয়নি)</translation>
    </message>
    <message>
      <source>A service name from pg_service.conf (for example imis) or a libpq connection string or URI (host=... dbname=... or postgresql://...). Keep credentials in the service file or in ~/.pgpass: a secret typed here would be stored in the Processing history.</source>
      <translation>pg_service.conf-এর একটি সার্ভিস নাম (যেমন imis), অথবা একটি libpq সংযোগ স্ট্রিং বা URI (host=... dbname=... বা postgresql://...)। লগইনের গোপন তথ্য সার্ভিস ফাইলে বা ~/.pgpass-এ রাখুন: এখানে লেখা গোপন তথ্য প্রসেসিং ইতিহাসে সংরক্ষিত হয়ে যাবে।</translation>
    </message>
    <message>
      <source>Accept a layer that lost more than half of its rows</source>
      <translation>অর্ধেকের বেশি সারি হারানো লেয়ারও গ্রহণ করুন</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>কাজ</translation>
    </message>
    <message>
      <source>Adds a live PostGIS layer that shows what is due, coloured by status:
- Holding tax per building: the worst status of the building's holdings (paid, due, overdue, not billed, no holding) with the amounts billed, paid, outstanding and overdue, from issued bills;
- Water connections: each connection's balance and status;
- Solid waste per ward: buildings served, buildings near a collection route, customers, and the share that paid last month's fee.
The layer reads the app schema's views, so it follows every new payment. Optionally one ward only.</source>
      <translation>একটি সরাসরি (live) PostGIS লেয়ার যোগ করে, যা অবস্থা অনুযায়ী রং দিয়ে বকেয়া দেখায়:
- ভবনভিত্তিক হোল্ডিং কর: ভবনের হোল্ডিংগুলোর মধ্যে সবচেয়ে খারাপ অবস্থা (পরিশোধিত, পরিশোধযোগ্য, মেয়াদোত্তীর্ণ, বিল হয়নি, হোল্ডিং নেই), জারি করা বিল থেকে বিলকৃত, পরিশোধিত, অনাদায়ী ও মেয়াদোত্তীর্ণ টাকার পরিমাণসহ;
- পানির সংযোগ: প্রতিটি সংযোগের স্থিতি ও অবস্থা;
- ওয়ার্ডভিত্তিক কঠিন বর্জ্য: সেবাপ্রাপ্ত ভবন, সংগ্রহ রুটের কাছের ভবন, গ্রাহক, এবং গত মাসের ফি পরিশোধকারীদের অংশ।
লেয়ারটি app স্কিমার ভিউ পড়ে, তাই প্রতিটি নতুন পরিশোধ সঙ্গে সঙ্গে দেখায়। চাইলে শুধু একটি ওয়ার্ড।</translation>
    </message>
    <message>
      <source>All feeds as one CSV</source>
      <translation>সব ফিড একটি CSV-তে</translation>
    </message>
    <message>
      <source>All or nothing (apply nothing if a row does not match)</source>
      <translation>সব অথবা কিছুই না (কোনো সারি না মিললে কিছুই যুক্ত হবে না)</translation>
    </message>
    <message>
      <source>Already recorded</source>
      <translation>আগেই লিপিবদ্ধ</translation>
    </message>
    <message>
      <source>Also publish the year on the dashboard</source>
      <translation>বছরটি ড্যাশবোর্ডেও প্রকাশ করুন</translation>
    </message>
    <message>
      <source>Also write a zip for QField</source>
      <translation>QField-এর জন্য একটি zip-ও লিখুন</translation>
    </message>
    <message>
      <source>Applications (on demand, emergencies)</source>
      <translation>আবেদন (চাহিদাভিত্তিক, জরুরি)</translation>
    </message>
    <message>
      <source>Applies what QField brought back in a package made by Create QField package (its zip, or the imis_package.json in its folder): new, changed and deleted rows, in one transaction, under the field user's own login, so the audit trail names who collected them and the database's permissions apply.

A row the office changed since the package was made is a conflict: it is not overwritten, and the report (Excel or CSV) and the conflicts GeoPackage show both versions for someone to resolve. Rows the database refuses are reported too; everything else is applied. Importing the same package again changes nothing, and a cancelled or failed import changes nothing. Photos are copied into the city's attachment store with their checksums. A package from another database, of an unknown format or damaged is refused.</source>
      <translation>“QField প্যাকেজ তৈরি” দিয়ে বানানো প্যাকেজে QField যা ফেরত এনেছে (এর zip, বা এর ফোল্ডারের imis_package.json) তা যুক্ত করে: নতুন, পরিবর্তিত ও মুছে ফেলা সারি, একটি ট্রানজ্যাকশনে, মাঠের ব্যবহারকারীর নিজের লগইনে, যাতে অডিট রেকর্ডে সংগ্রহকারীর নাম থাকে এবং ডাটাবেসের অনুমতিগুলো প্রযোজ্য হয়।

প্যাকেজ তৈরির পর অফিস যে সারি বদলেছে সেটি একটি দ্বন্দ্ব: তা মুছে নতুন লেখা হয় না, এবং প্রতিবেদন (Excel বা CSV) ও দ্বন্দ্বের GeoPackage উভয় সংস্করণ দেখায়, যাতে কেউ তা মীমাংসা করতে পারেন। ডাটাবেস যেসব সারি প্রত্যাখ্যান করে সেগুলোও প্রতিবেদনে থাকে; বাকি সব যুক্ত হয়। একই প্যাকেজ আবার ইমপোর্ট করলে কিছুই বদলায় না, আর বাতিল বা ব্যর্থ ইমপোর্টেও কিছু বদলায় না। ছবিগুলো চেকসামসহ শহরের সংযুক্তি সংরক্ষণস্থলে কপি করা হয়। অন্য ডাটাবেসের, অজানা ফরম্যাটের বা ক্ষতিগ্রস্ত প্যাকেজ গ্রহণ করা হয় না।</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>এলাকা</translation>
    </message>
    <message>
      <source>Area (polygons)</source>
      <translation>এলাকা (পলিগন)</translation>
    </message>
    <message>
      <source>Area polygons</source>
      <translation>এলাকার পলিগন</translation>
    </message>
    <message>
      <source>Area polygons (their union)</source>
      <translation>এলাকার পলিগন (সবগুলো মিলিয়ে)</translation>
    </message>
    <message>
      <source>At most this many bills (empty: all)</source>
      <translation>সর্বোচ্চ এতগুলো বিল (ফাঁকা: সব)</translation>
    </message>
    <message>
      <source>Attachment store for photos (default: the city's setting)</source>
      <translation>ছবির সংরক্ষণস্থল (ডিফল্ট: শহরের সেটিং)</translation>
    </message>
    <message>
      <source>Attribute conditions (field=value; ...)</source>
      <translation>অ্যাট্রিবিউটের শর্ত (field=value; ...)</translation>
    </message>
    <message>
      <source>Automatic: in PostGIS when every input is a table of the same PostGIS database</source>
      <translation>স্বয়ংক্রিয়: সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে PostGIS-এ</translation>
    </message>
    <message>
      <source>Bangla</source>
      <translation>বাংলা</translation>
    </message>
    <message>
      <source>Bill register (Excel)</source>
      <translation>বিল রেজিস্টার (Excel)</translation>
    </message>
    <message>
      <source>Bill run</source>
      <translation>বিল ব্যাচ</translation>
    </message>
    <message>
      <source>Bill run (code, e.g. HT-2025-Q1)</source>
      <translation>বিল ব্যাচ (কোড, যেমন HT-2025-Q1)</translation>
    </message>
    <message>
      <source>Bill run {} is {} ({} bills, {} BDT).</source>
      <translation>বিল ব্যাচ {} এখন {} ({}টি বিল, {} টাকা)।</translation>
    </message>
    <message>
      <source>Bill run {} issued by {}: {} bills, {} BDT.</source>
      <translation>বিল ব্যাচ {} জারি করেছেন {}: {}টি বিল, {} টাকা।</translation>
    </message>
    <message>
      <source>Billed this month (BDT)</source>
      <translation>এই মাসে বিল করা হয়েছে (টাকা)</translation>
    </message>
    <message>
      <source>Bills</source>
      <translation>বিল</translation>
    </message>
    <message>
      <source>Bills (PDF)</source>
      <translation>বিল (PDF)</translation>
    </message>
    <message>
      <source>Bills every active metered water connection for a month: the water measured between the opening index (the previous bill's closing index, else the last reading before the month, else the index at installation) and the month's last reading, each m3 priced by the slab it falls in, at least the tariff's minimum charge, plus its fixed charge, with the connection's unpaid balance carried as arrears. One transaction; connections without a reading in the month are listed and billed by a later run once read (a run adds only missing bills). Optionally writes the month's water register (Excel).</source>
      <translation>এক মাসের জন্য প্রতিটি সক্রিয় মিটারযুক্ত পানির সংযোগের বিল করে: শুরুর ইনডেক্স (আগের বিলের শেষ ইনডেক্স, না থাকলে মাসের আগের শেষ রিডিং, তাও না থাকলে সংযোগ স্থাপনের সময়ের ইনডেক্স) থেকে মাসের শেষ রিডিং পর্যন্ত মাপা পানি; প্রতি m3 তার স্ল্যাব অনুযায়ী দামে, অন্তত ট্যারিফের ন্যূনতম চার্জ, সঙ্গে স্থায়ী চার্জ, এবং সংযোগের অপরিশোধিত স্থিতি বকেয়া হিসেবে যুক্ত। একটি ট্রানজ্যাকশনে; মাসে রিডিং নেই এমন সংযোগের তালিকা দেওয়া হয় এবং রিডিং নেওয়ার পর পরের কোনো চালনায় বিল হয় (একটি চালনা শুধু বাকি বিলগুলো যোগ করে)। চাইলে মাসের পানির রেজিস্টার (Excel) লেখে।</translation>
    </message>
    <message>
      <source>Bills every holding for one quarter of a fiscal year (2025 = July 2025 - June 2026), in one transaction: the annual value (latest assessment, else the value on the holding) times each rate (holding tax, conservancy, lighting, water, sewerage, fire) divided by four, the unpaid balance of issued bills carried as arrears (or advance), and on first-quarter bills the amount that settles the whole year with the rebate (10% by default, never on arrears). Bills are numbered &lt;run&gt;-000001... by ward and holding.

The run is a draft: running it again replaces its bills. A revenue chief then signs it off (Sign off bill run) and it is issued (Issue bill run). Holdings without an annual value are listed, not billed. Optionally writes the bill register (Excel).</source>
      <translation>একটি অর্থবছরের এক ত্রৈমাসিকের জন্য প্রতিটি হোল্ডিংয়ের বিল করে (2025 = জুলাই 2025 - জুন 2026), একটি ট্রানজ্যাকশনে: বার্ষিক মূল্য (সর্বশেষ মূল্যায়ন, না থাকলে হোল্ডিংয়ে লেখা মূল্য) গুণ প্রতিটি হার (হোল্ডিং কর, পরিচ্ছন্নতা, আলোকায়ন, পানি, পয়ঃনিষ্কাশন, অগ্নিনির্বাপণ) ভাগ চার; জারি করা বিলের অপরিশোধিত স্থিতি বকেয়া (বা অগ্রিম) হিসেবে যুক্ত; এবং প্রথম ত্রৈমাসিকের বিলে রেয়াতসহ পুরো বছরের পরিশোধের পরিমাণ (ডিফল্ট ১০%, বকেয়ার ওপর কখনো নয়)। বিলগুলো ওয়ার্ড ও হোল্ডিং অনুযায়ী &lt;run&gt;-000001... নম্বর পায়।

ব্যাচটি খসড়া: আবার চালালে এর বিলগুলো প্রতিস্থাপিত হয়। এরপর একজন রাজস্ব প্রধান এটি অনুমোদন করেন (“বিল ব্যাচ অনুমোদন”) এবং এটি জারি হয় (“বিল ব্যাচ জারি”)। বার্ষিক মূল্য ছাড়া হোল্ডিংগুলোর তালিকা দেওয়া হয়, বিল হয় না। চাইলে বিল রেজিস্টার (Excel) লেখে।</translation>
    </message>
    <message>
      <source>Bills printed</source>
      <translation>মুদ্রিত বিল</translation>
    </message>
    <message>
      <source>Both give the same answer; PostGIS is much faster on city-size data.</source>
      <translation>দুটিই একই ফল দেয়; শহরের আকারের ডাটায় PostGIS অনেক দ্রুত।</translation>
    </message>
    <message>
      <source>Buffer analysis</source>
      <translation>বাফার বিশ্লেষণ</translation>
    </message>
    <message>
      <source>Building and containment survey</source>
      <translation>ভবন ও কন্টেইনমেন্ট জরিপ</translation>
    </message>
    <message>
      <source>Building key field</source>
      <translation>ভবনের কী ফিল্ড</translation>
    </message>
    <message>
      <source>Building-containment links</source>
      <translation>ভবন-কন্টেইনমেন্ট সংযোগ</translation>
    </message>
    <message>
      <source>Building-toilet links (which building depends on which toilet)</source>
      <translation>ভবন-টয়লেট সংযোগ (কোন ভবন কোন টয়লেটের ওপর নির্ভরশীল)</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings (or any features to find)</source>
      <translation>ভবন (বা খুঁজতে চাওয়া যেকোনো ফিচার)</translation>
    </message>
    <message>
      <source>Buildings served by a containment not emptied</source>
      <translation>খালি না করা কন্টেইনমেন্টের সেবাপ্রাপ্ত ভবন</translation>
    </message>
    <message>
      <source>Buildings the vehicle cannot reach</source>
      <translation>যে ভবনে গাড়ি পৌঁছাতে পারে না</translation>
    </message>
    <message>
      <source>Buildings within the distance</source>
      <translation>দূরত্বের মধ্যে থাকা ভবন</translation>
    </message>
    <message>
      <source>CSV</source>
      <translation>CSV</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <source>Cancelled: the outputs are incomplete.</source>
      <translation>বাতিল করা হয়েছে: আউটপুট অসম্পূর্ণ।</translation>
    </message>
    <message>
      <source>Changed rows</source>
      <translation>পরিবর্তিত সারি</translation>
    </message>
    <message>
      <source>Choose at least one output.</source>
      <translation>অন্তত একটি আউটপুট বেছে নিন।</translation>
    </message>
    <message>
      <source>Choose the containment type field to filter by type.</source>
      <translation>ধরন অনুযায়ী বাছাই করতে কন্টেইনমেন্টের ধরনের ফিল্ড বেছে নিন।</translation>
    </message>
    <message>
      <source>Choose the layer whose polygons make the area.</source>
      <translation>যে লেয়ারের পলিগন দিয়ে এলাকা তৈরি হবে সেটি বেছে নিন।</translation>
    </message>
    <message>
      <source>Choose the segment label field to pick segments by label.</source>
      <translation>নাম দিয়ে অংশ বাছাই করতে অংশের নামের ফিল্ড বেছে নিন।</translation>
    </message>
    <message>
      <source>Choose the {} (Quarter or month parameter).</source>
      <translation>{} বেছে নিন (ত্রৈমাসিক বা মাস প্যারামিটার)।</translation>
    </message>
    <message>
      <source>Cities in the feed</source>
      <translation>ফিডে থাকা শহর</translation>
    </message>
    <message>
      <source>Cities skipped, with the reason</source>
      <translation>বাদ পড়া শহর, কারণসহ</translation>
    </message>
    <message>
      <source>City</source>
      <translation>শহর</translation>
    </message>
    <message>
      <source>City (empty: every linked city)</source>
      <translation>শহর (ফাঁকা: সংযুক্ত সব শহর)</translation>
    </message>
    <message>
      <source>City rule (as Base IMIS)</source>
      <translation>শহরের নিয়ম (Base IMIS-এর মতো)</translation>
    </message>
    <message>
      <source>Cluster distance (m)</source>
      <translation>ক্লাস্টারের দূরত্ব (মিটার)</translation>
    </message>
    <message>
      <source>Code-list labels in Excel</source>
      <translation>Excel-এ কোড তালিকার নাম</translation>
    </message>
    <message>
      <source>Community / public toilets</source>
      <translation>কমিউনিটি / পাবলিক টয়লেট</translation>
    </message>
    <message>
      <source>Community toilet accessibility</source>
      <translation>কমিউনিটি টয়লেটে যাতায়াতের দূরত্ব</translation>
    </message>
    <message>
      <source>Computed in (postgis or native)</source>
      <translation>যেখানে হিসাব হয়েছে (postgis বা native)</translation>
    </message>
    <message>
      <source>Computed in PostGIS (push-down).</source>
      <translation>PostGIS-এ হিসাব করা হয়েছে (push-down)।</translation>
    </message>
    <message>
      <source>Computed in QGIS (native path).</source>
      <translation>QGIS-এ হিসাব করা হয়েছে (native পথ)।</translation>
    </message>
    <message>
      <source>Computes every city-wide inclusive sanitation (CWIS) indicator (EQ-1, SF-1a to SF-9), the JMP sanitation ladder (safely managed, basic, limited, unimproved, open defecation) and the FSM service KPIs with their targets, for the whole city, a ward, a low-income community or the polygons of a layer, and for a year, a quarter or a month.

Every row gives the numerator, denominator, value and unit, the 'safe' rule it used (JMP's, or the looser city rule that judges containments by type and outlet only) and, when the value is empty, why. The figures are computed by the database from the data as it is now: correct the data and run again.

Outputs: a table layer; optionally an Excel workbook (one sheet per indicator group, with native charts, and the excreta flow), a PDF report (a QGIS print layout: the whole city, then one atlas page pair per ward with a map, the indicator table, the excreta-flow figure and a chart; figures under the report rule), and the excreta-flow (SFD-style) figure as PNG.</source>
      <translation>সব নগরব্যাপী অন্তর্ভুক্তিমূলক স্যানিটেশন (CWIS) সূচক (EQ-1, SF-1a থেকে SF-9), JMP স্যানিটেশন সিঁড়ি (নিরাপদে ব্যবস্থাপিত, মৌলিক, সীমিত, অনুন্নত, খোলা স্থানে মলত্যাগ) এবং লক্ষ্যসহ এফএসএম সেবার KPI হিসাব করে — সম্পূর্ণ শহর, একটি ওয়ার্ড, একটি নিম্ন-আয়ের জনগোষ্ঠী বা একটি লেয়ারের পলিগনের জন্য, এবং এক বছর, এক ত্রৈমাসিক বা এক মাসের জন্য।

প্রতিটি সারিতে থাকে লব, হর, মান ও একক, ব্যবহৃত 'নিরাপদ' নিয়ম (JMP-এর, অথবা শহরের শিথিল নিয়ম, যা কন্টেইনমেন্টকে শুধু ধরন ও নির্গমন পথ দিয়ে বিচার করে) এবং মান ফাঁকা হলে তার কারণ। সংখ্যাগুলো ডাটাবেস এই মুহূর্তের ডাটা থেকে হিসাব করে: ডাটা সংশোধন করে আবার চালান।

আউটপুট: একটি টেবিল লেয়ার; চাইলে একটি Excel ওয়ার্কবুক (প্রতিটি সূচক গ্রুপের জন্য একটি শিট, Excel-এর নিজস্ব চার্ট ও মলপ্রবাহসহ), একটি PDF প্রতিবেদন (একটি QGIS প্রিন্ট লেআউট: প্রথমে সম্পূর্ণ শহর, তারপর প্রতিটি ওয়ার্ডের জন্য এক জোড়া অ্যাটলাস পৃষ্ঠা — মানচিত্র, সূচকের টেবিল, মলপ্রবাহ চিত্র ও একটি চার্ট; সংখ্যাগুলো প্রতিবেদনের নিয়ম অনুযায়ী), এবং PNG আকারে মলপ্রবাহ (SFD-ধাঁচের) চিত্র।</translation>
    </message>
    <message>
      <source>Computing the indicators of {} (city, wards, low-income communities)</source>
      <translation>{}-এর সূচক হিসাব করা হচ্ছে (শহর, ওয়ার্ড, নিম্ন-আয়ের জনগোষ্ঠী)</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>শর্ত</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>দ্বন্দ্ব</translation>
    </message>
    <message>
      <source>Conflicts (both versions)</source>
      <translation>দ্বন্দ্ব (উভয় সংস্করণ)</translation>
    </message>
    <message>
      <source>Connection candidates</source>
      <translation>সংযোগের সম্ভাব্য ভবন</translation>
    </message>
    <message>
      <source>Connection field of the buildings (empty = not connected; default drain_id or sewer_id)</source>
      <translation>ভবনের সংযোগ ফিল্ড (ফাঁকা = সংযুক্ত নয়; ডিফল্ট drain_id বা sewer_id)</translation>
    </message>
    <message>
      <source>Connections without a reading</source>
      <translation>রিডিং ছাড়া সংযোগ</translation>
    </message>
    <message>
      <source>Construction date field</source>
      <translation>নির্মাণের তারিখের ফিল্ড</translation>
    </message>
    <message>
      <source>Containment key field</source>
      <translation>কন্টেইনমেন্টের কী ফিল্ড</translation>
    </message>
    <message>
      <source>Containment type field</source>
      <translation>কন্টেইনমেন্টের ধরনের ফিল্ড</translation>
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments at risk</source>
      <translation>ঝুঁকিতে থাকা কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments at risk per type</source>
      <translation>ধরন অনুযায়ী ঝুঁকিতে থাকা কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments not emptied</source>
      <translation>খালি না করা কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments overdue at the end of the period</source>
      <translation>সময়কালের শেষে খালিকরণের সময় পেরোনো কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments planned</source>
      <translation>পরিকল্পিত কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments the vehicle cannot reach</source>
      <translation>যে কন্টেইনমেন্টে গাড়ি পৌঁছাতে পারে না</translation>
    </message>
    <message>
      <source>Contaminated-water clusters</source>
      <translation>দূষিত পানির ক্লাস্টার</translation>
    </message>
    <message>
      <source>Create IMIS project</source>
      <translation>IMIS প্রকল্প তৈরি</translation>
    </message>
    <message>
      <source>Create QField package</source>
      <translation>QField প্যাকেজ তৈরি</translation>
    </message>
    <message>
      <source>Current revision: {}; target: {}</source>
      <translation>বর্তমান সংস্করণ: {}; লক্ষ্য: {}</translation>
    </message>
    <message>
      <source>DHIS2 data-value set (JSON or CSV)</source>
      <translation>DHIS2 data-value set (JSON বা CSV)</translation>
    </message>
    <message>
      <source>Dashboard authentication configuration</source>
      <translation>ড্যাশবোর্ডের প্রমাণীকরণ কনফিগারেশন</translation>
    </message>
    <message>
      <source>Dashboard endpoint (default: from the authentication configuration)</source>
      <translation>ড্যাশবোর্ডের এন্ডপয়েন্ট (ডিফল্ট: প্রমাণীকরণ কনফিগারেশন থেকে)</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>ডাটা</translation>
    </message>
    <message>
      <source>Data-value set</source>
      <translation>Data-value set</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>ডাটাবেস</translation>
    </message>
    <message>
      <source>Database (pg_service name or connection string)</source>
      <translation>ডাটাবেস (pg_service নাম বা সংযোগ স্ট্রিং)</translation>
    </message>
    <message>
      <source>Database at revision {}</source>
      <translation>ডাটাবেস সংস্করণ {}-এ আছে</translation>
    </message>
    <message>
      <source>Database status</source>
      <translation>ডাটাবেসের অবস্থা</translation>
    </message>
    <message>
      <source>Date field (default: the first)</source>
      <translation>তারিখের ফিল্ড (ডিফল্ট: প্রথমটি)</translation>
    </message>
    <message>
      <source>Deleted rows</source>
      <translation>মুছে ফেলা সারি</translation>
    </message>
    <message>
      <source>Dependent buildings with their walking distance</source>
      <translation>নির্ভরশীল ভবন ও তাদের হাঁটার দূরত্ব</translation>
    </message>
    <message>
      <source>Desktop</source>
      <translation>ডেস্কটপ</translation>
    </message>
    <message>
      <source>Disease (empty: all)</source>
      <translation>রোগ (ফাঁকা: সব)</translation>
    </message>
    <message>
      <source>Disease hotspots and contaminated water</source>
      <translation>রোগের হটস্পট ও দূষিত পানি</translation>
    </message>
    <message>
      <source>Distance (m)</source>
      <translation>দূরত্ব (মিটার)</translation>
    </message>
    <message>
      <source>Distance from (water bodies, waterlogging areas, roads or any layer)</source>
      <translation>যা থেকে দূরত্ব (জলাশয়, জলাবদ্ধ এলাকা, সড়ক বা যেকোনো লেয়ার)</translation>
    </message>
    <message>
      <source>Drain / sewer connection candidates</source>
      <translation>ড্রেন / সুয়ারেজ সংযোগের সম্ভাব্য ভবন</translation>
    </message>
    <message>
      <source>Drains or sewers (the selection, if any)</source>
      <translation>ড্রেন বা সুয়ারেজ লাইন (নির্বাচিতগুলো, যদি থাকে)</translation>
    </message>
    <message>
      <source>Draw buildings on the report maps</source>
      <translation>প্রতিবেদনের মানচিত্রে ভবন আঁকুন</translation>
    </message>
    <message>
      <source>Dry run (check and count, write nothing)</source>
      <translation>পরীক্ষামূলক চালনা (যাচাই ও গণনা, কিছু লেখা হবে না)</translation>
    </message>
    <message>
      <source>Dry run (plan and report, write nothing)</source>
      <translation>পরীক্ষামূলক চালনা (পরিকল্পনা ও প্রতিবেদন, কিছু লেখা হবে না)</translation>
    </message>
    <message>
      <source>Dry run (write nothing)</source>
      <translation>পরীক্ষামূলক চালনা (কিছু লেখা হবে না)</translation>
    </message>
    <message>
      <source>Dry run: nothing was written.</source>
      <translation>পরীক্ষামূলক চালনা: কিছুই লেখা হয়নি।</translation>
    </message>
    <message>
      <source>Due date (YYYY-MM-DD; empty: 15 days after the month)</source>
      <translation>পরিশোধের শেষ তারিখ (YYYY-MM-DD; ফাঁকা: মাস শেষের ১৫ দিন পর)</translation>
    </message>
    <message>
      <source>Due date (YYYY-MM-DD; empty: the quarter's last day)</source>
      <translation>পরিশোধের শেষ তারিখ (YYYY-MM-DD; ফাঁকা: ত্রৈমাসিকের শেষ দিন)</translation>
    </message>
    <message>
      <source>Due status</source>
      <translation>বকেয়ার অবস্থা</translation>
    </message>
    <message>
      <source>Due status layer</source>
      <translation>বকেয়ার অবস্থার লেয়ার</translation>
    </message>
    <message>
      <source>Emptying forms of a service provider</source>
      <translation>একটি সেবা প্রদানকারীর খালিকরণের ফর্ম</translation>
    </message>
    <message>
      <source>Emptyings in the month</source>
      <translation>মাসের খালিকরণ</translation>
    </message>
    <message>
      <source>English</source>
      <translation>ইংরেজি</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Excel (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <source>Excel workbook</source>
      <translation>Excel ওয়ার্কবুক</translation>
    </message>
    <message>
      <source>Excreta-flow figure</source>
      <translation>মলপ্রবাহ চিত্র</translation>
    </message>
    <message>
      <source>Export data</source>
      <translation>ডাটা এক্সপোর্ট</translation>
    </message>
    <message>
      <source>Export ward figures for DHIS2</source>
      <translation>DHIS2-এর জন্য ওয়ার্ডের সংখ্যা এক্সপোর্ট</translation>
    </message>
    <message>
      <source>Exports IMIS tables or views (for example building, holding, containment, or a view of the app schema) to a GeoPackage, a zipped Shapefile (with a field-name map when names are longer than 10 characters), an Excel workbook (one sheet per layer, code-list labels instead of codes, units in the headers, frozen header row) or CSV.

Filters, all optional and combined: a ward number, an extent, an area layer (its polygons), attribute conditions separated by ';' (field=value, field=a,b, field!=value, field&gt;=value, field&lt;value, field~text) and a date range (on the layer's first date field, or the one named).

The export runs with the database login of the connection: what it may not read, it cannot export.</source>
      <translation>IMIS টেবিল বা ভিউ (যেমন building, holding, containment, বা app স্কিমার কোনো ভিউ) এক্সপোর্ট করে: GeoPackage, জিপ করা Shapefile (নাম ১০ অক্ষরের বেশি হলে ফিল্ডের নামের একটি তালিকাসহ), Excel ওয়ার্কবুক (প্রতি লেয়ারে একটি শিট, কোডের বদলে কোড তালিকার নাম, শিরোনামে একক, আটকানো শিরোনাম সারি) বা CSV-তে।

ফিল্টার, সবগুলো ঐচ্ছিক এবং একসঙ্গে প্রযোজ্য: একটি ওয়ার্ড নম্বর, একটি পরিসর (extent), একটি এলাকার লেয়ার (এর পলিগন), ';' দিয়ে আলাদা অ্যাট্রিবিউটের শর্ত (field=value, field=a,b, field!=value, field&gt;=value, field&lt;value, field~text) এবং একটি তারিখের পরিসীমা (লেয়ারের প্রথম তারিখের ফিল্ডে, বা যে ফিল্ডের নাম দেওয়া হয়েছে তাতে)।

এক্সপোর্ট চলে সংযোগের ডাটাবেস লগইন দিয়ে: যা পড়ার অনুমতি নেই, তা এক্সপোর্ট করা যায় না।</translation>
    </message>
    <message>
      <source>Extent</source>
      <translation>পরিসর (extent)</translation>
    </message>
    <message>
      <source>FSM service chain</source>
      <translation>এফএসএম সেবা শৃঙ্খল</translation>
    </message>
    <message>
      <source>Features</source>
      <translation>ফিচার</translation>
    </message>
    <message>
      <source>Features (buildings, containments...)</source>
      <translation>ফিচার (ভবন, কন্টেইনমেন্ট...)</translation>
    </message>
    <message>
      <source>Feed as CSV</source>
      <translation>CSV ফিড</translation>
    </message>
    <message>
      <source>Feed as JSON</source>
      <translation>JSON ফিড</translation>
    </message>
    <message>
      <source>Field to test (empty = every feature)</source>
      <translation>যাচাইয়ের ফিল্ড (ফাঁকা = সব ফিচার)</translation>
    </message>
    <message>
      <source>Field to total</source>
      <translation>যোগফলের ফিল্ড</translation>
    </message>
    <message>
      <source>Field user (database login of the surveyor or provider)</source>
      <translation>মাঠের ব্যবহারকারী (জরিপকারী বা সেবা প্রদানকারীর ডাটাবেস লগইন)</translation>
    </message>
    <message>
      <source>Field user (default: the one the package names)</source>
      <translation>মাঠের ব্যবহারকারী (ডিফল্ট: প্যাকেজে যাঁর নাম আছে)</translation>
    </message>
    <message>
      <source>Field work (QField)</source>
      <translation>মাঠের কাজ (QField)</translation>
    </message>
    <message>
      <source>Files to import</source>
      <translation>ইমপোর্টের ফাইল</translation>
    </message>
    <message>
      <source>Fills an IMIS database (at the head revision) with a synthetic but plausible city: a boundary tiled by wards, a connected road network (strategic, feeder and local roads, narrow lanes), drains and a small sewer network with their outlets and treatment plants, a river, ponds and waterlogging areas, low-income communities with dense small houses and community toilets, buildings with their BIN, use, structure, floors, households and population, holdings (standard, legacy and duplicate codes) and owners, containments of every type (some shared by neighbours), service providers with vehicles and crews, and three years of FSM history with realistic delays and gaps.

The same seed and number of buildings give the same city, identifiers included (with the same as-of date). About 27,000 buildings is Jhenaidah's size, 156,000 Khulna's. A database that already holds city data is refused unless Replace existing data is checked, which deletes that data first. One transaction: when cancelled or on any error, nothing is written.</source>
      <translation>একটি IMIS ডাটাবেস (সর্বশেষ সংস্করণে) একটি কৃত্রিম কিন্তু বাস্তবসম্মত শহর দিয়ে পূরণ করে: ওয়ার্ডে বিভক্ত সীমানা, সংযুক্ত সড়ক নেটওয়ার্ক (প্রধান, সংযোগ ও স্থানীয় সড়ক, সরু গলি), ড্রেন ও একটি ছোট সুয়ারেজ নেটওয়ার্ক, তাদের নির্গমন মুখ ও শোধনাগারসহ, একটি নদী, পুকুর ও জলাবদ্ধ এলাকা, ঘন ছোট ঘর ও কমিউনিটি টয়লেটসহ নিম্ন-আয়ের জনগোষ্ঠী, BIN, ব্যবহার, কাঠামো, তলা, খানা ও জনসংখ্যাসহ ভবন, হোল্ডিং (আদর্শ, পুরনো ও দ্বৈত কোড) ও মালিক, সব ধরনের কন্টেইনমেন্ট (কিছু প্রতিবেশীদের সঙ্গে ভাগাভাগি), গাড়ি ও কর্মী দলসহ সেবা প্রদানকারী, এবং বাস্তবসম্মত দেরি ও ফাঁকসহ তিন বছরের এফএসএম ইতিহাস।

একই সিড ও একই ভবন সংখ্যা একই শহর দেয়, শনাক্তকারীসহ (একই হিসাবের তারিখে)। প্রায় ২৭,০০০ ভবন ঝিনাইদহের আকার, ১,৫৬,০০০ খুলনার। যে ডাটাবেসে আগে থেকেই শহরের ডাটা আছে তা গ্রহণ করা হয় না, যদি না “বিদ্যমান ডাটা প্রতিস্থাপন করুন” টিক দেওয়া থাকে, যা আগে সেই ডাটা মুছে ফেলে। একটি ট্রানজ্যাকশন: বাতিল করলে বা কোনো ত্রুটি হলে কিছুই লেখা হয় না।</translation>
    </message>
    <message>
      <source>Filter and summarise by attribute</source>
      <translation>অ্যাট্রিবিউট অনুযায়ী বাছাই ও সারসংক্ষেপ</translation>
    </message>
    <message>
      <source>Finds the buildings (or any features) within a distance of water bodies, waterlogging areas, a road, an area you draw or any other layer, and summarises them per ward: number of buildings, population and containments by type.

Distance: the shortest distance between the two geometries, in metres (a building touching a water body is at 0 m). Use the selection of the 'distance from' layer to measure from some of its features only (one road, the ponds of one ward).

Outputs: the buildings within the distance, with all their fields and the ward(s) their centroid falls in; and a summary table with one row per ward, '(none)' for buildings outside every ward, and '(all)' for the whole result. Containments count by their own location.

When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS as one indexed query; on other layers (Shapefile, GeoPackage, memory layers) QGIS computes the same answer itself.</source>
      <translation>জলাশয়, জলাবদ্ধ এলাকা, একটি সড়ক, আপনার আঁকা একটি এলাকা বা অন্য যেকোনো লেয়ার থেকে নির্দিষ্ট দূরত্বের মধ্যে থাকা ভবন (বা যেকোনো ফিচার) খুঁজে বের করে এবং ওয়ার্ডভিত্তিক সারসংক্ষেপ দেয়: ভবনের সংখ্যা, জনসংখ্যা এবং ধরন অনুযায়ী কন্টেইনমেন্ট।

দূরত্ব: দুটি জ্যামিতির মধ্যে সবচেয়ে কম দূরত্ব, মিটারে (জলাশয় ছুঁয়ে থাকা ভবনের দূরত্ব ০ মিটার)। ‘যা থেকে দূরত্ব’ লেয়ারের শুধু কিছু ফিচার থেকে মাপতে (একটি সড়ক, একটি ওয়ার্ডের পুকুরগুলো) সেগুলো নির্বাচন করুন।

আউটপুট: দূরত্বের মধ্যে থাকা ভবন, তাদের সব ফিল্ড ও যে ওয়ার্ডে (বা ওয়ার্ডগুলোতে) তাদের কেন্দ্রবিন্দু পড়ে; এবং একটি সারসংক্ষেপ টেবিল, প্রতি ওয়ার্ডে একটি সারি, কোনো ওয়ার্ডের বাইরের ভবনের জন্য '(none)' এবং সম্পূর্ণ ফলাফলের জন্য '(all)'। কন্টেইনমেন্ট গণনা হয় তার নিজের অবস্থান অনুযায়ী।

সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে (IMIS লেয়ারগুলো) কাজটি PostGIS-এ একটি ইনডেক্সড কোয়েরিতে চলে; অন্য লেয়ারে (Shapefile, GeoPackage, মেমরি লেয়ার) QGIS নিজেই একই ফল হিসাব করে।</translation>
    </message>
    <message>
      <source>Finds the buildings and containments a given emptying vehicle cannot reach: a road is passable when its width is at least the vehicle's width (roads of unknown width are not), and a building or containment is reachable when a passable road lies within the hose length of it.

Each unreachable feature gets a reason: narrow_road (only roads narrower than the vehicle are within the hose length: a smaller vehicle may do) or too_far (no road at all within the hose length).

Typical widths: city vacutug 1.5 m, mechanised van 1.8 m, vacuum truck 2.5 m (the width_m of the vehicle). Road width: width_m of IMIS roads (choose carrying_width_m to use the usable width). When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation>নির্দিষ্ট একটি খালিকরণের গাড়ি যেসব ভবন ও কন্টেইনমেন্টে পৌঁছাতে পারে না তা খুঁজে বের করে: যে সড়কের প্রস্থ অন্তত গাড়ির প্রস্থের সমান সেটি চলাচলযোগ্য (অজানা প্রস্থের সড়ক নয়), এবং কোনো ভবন বা কন্টেইনমেন্টের হোসের দৈর্ঘ্যের মধ্যে একটি চলাচলযোগ্য সড়ক থাকলে সেখানে পৌঁছানো যায়।

প্রতিটি অগম্য ফিচারের একটি কারণ থাকে: narrow_road (হোসের দৈর্ঘ্যের মধ্যে শুধু গাড়ির চেয়ে সরু সড়ক আছে: ছোট গাড়িতে হতে পারে) বা too_far (হোসের দৈর্ঘ্যের মধ্যে কোনো সড়কই নেই)।

সাধারণ প্রস্থ: শহরের ভ্যাকুটাগ ১.৫ মিটার, যান্ত্রিক ভ্যান ১.৮ মিটার, ভ্যাকুয়াম ট্রাক ২.৫ মিটার (গাড়ির width_m)। সড়কের প্রস্থ: IMIS সড়কের width_m (ব্যবহারযোগ্য প্রস্থ নিতে carrying_width_m বেছে নিন)। সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে (IMIS লেয়ারগুলো) কাজটি PostGIS-এ চলে; অন্য লেয়ারে QGIS নিজেই একই ফল হিসাব করে।</translation>
    </message>
    <message>
      <source>Finds the containments (pits, septic tanks...) within a distance of water points (wells, tube wells, IMIS water points) or water bodies, with the nearest of each and its distance, and counts them per containment type.

Distance: in metres, from the containment's location; the Sphere handbook asks for at least 30 m between a pit or soak pit and a groundwater source (more in sandy soils or with a high water table). To count only some types, list them separated by commas (for example unlined_pit,septic_tank_soak_pit,lined_pit_soak_pit); leave empty for all. To leave out water points that do not draw groundwater (standpipes, pond sand filters), select the others first: the water_point_type code list marks them (is_groundwater).

risk_source says which kind of water is near: water_point, water_body or both. When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation>পানির উৎস (কুয়া, নলকূপ, IMIS-এর পানির উৎস) বা জলাশয় থেকে নির্দিষ্ট দূরত্বের মধ্যে থাকা কন্টেইনমেন্ট (গর্ত, সেপটিক ট্যাংক...) খুঁজে বের করে, প্রতিটির সবচেয়ে কাছেরটি ও তার দূরত্বসহ, এবং কন্টেইনমেন্টের ধরন অনুযায়ী গণনা করে।

দূরত্ব: মিটারে, কন্টেইনমেন্টের অবস্থান থেকে; Sphere হ্যান্ডবুক অনুযায়ী গর্ত বা সোক পিট এবং ভূগর্ভস্থ পানির উৎসের মধ্যে অন্তত ৩০ মিটার দূরত্ব থাকা উচিত (বালুময় মাটিতে বা পানির স্তর উঁচু হলে আরও বেশি)। শুধু কিছু ধরন গুনতে সেগুলো কমা দিয়ে আলাদা করে লিখুন (যেমন unlined_pit,septic_tank_soak_pit,lined_pit_soak_pit); সব ধরনের জন্য ফাঁকা রাখুন। যে পানির উৎস ভূগর্ভস্থ পানি তোলে না (স্ট্যান্ডপাইপ, পুকুর বালু ফিল্টার) সেগুলো বাদ দিতে আগে বাকিগুলো নির্বাচন করুন: water_point_type কোড তালিকায় সেগুলো চিহ্নিত করা আছে (is_groundwater)।

risk_source জানায় কাছে কোন ধরনের পানি আছে: water_point, water_body বা both। সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে (IMIS লেয়ারগুলো) কাজটি PostGIS-এ চলে; অন্য লেয়ারে QGIS নিজেই একই ফল হিসাব করে।</translation>
    </message>
    <message>
      <source>Finds the containments with no emptying in the last N years (3 by default, the usual scheduled-desludging cycle) and the buildings they serve, and gives the share per ward and per low-income community (LIC).

status: overdue (last emptied more than N years before the reference date), never_emptied (never emptied and built more than N years before) or no_date (neither date known: it needs a visit). A containment built in the last N years and never emptied is not a gap yet. The reference date is today unless you set one. Containments count in the ward and LIC their location falls in; the LIC summary has a '(none)' row for the containments outside every LIC, to compare the two.

Buildings: give the buildings and the building-containment links to get the buildings served by a gap. When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation>গত N বছরে (ডিফল্ট ৩, নিয়মিত নির্ধারিত খালিকরণের সাধারণ চক্র) খালিকরণ হয়নি এমন কন্টেইনমেন্ট ও তাদের সেবাপ্রাপ্ত ভবন খুঁজে বের করে, এবং ওয়ার্ড ও নিম্ন-আয়ের জনগোষ্ঠী (LIC) অনুযায়ী অংশ দেখায়।

status: overdue (রেফারেন্স তারিখের N বছরেরও আগে সর্বশেষ খালিকরণ), never_emptied (কখনো খালি করা হয়নি এবং N বছরেরও আগে নির্মিত) বা no_date (কোনো তারিখই জানা নেই: পরিদর্শন দরকার)। গত N বছরে নির্মিত এবং কখনো খালি না করা কন্টেইনমেন্ট এখনো ঘাটতি নয়। আপনি তারিখ না দিলে রেফারেন্স তারিখ আজ। কন্টেইনমেন্ট গণনা হয় যে ওয়ার্ড ও LIC-তে তার অবস্থান পড়ে সেখানে; দুটির তুলনার জন্য LIC সারসংক্ষেপে কোনো LIC-এর বাইরের কন্টেইনমেন্টের জন্য একটি '(none)' সারি থাকে।

ভবন: ঘাটতিতে থাকা কন্টেইনমেন্টের সেবাপ্রাপ্ত ভবন পেতে ভবন ও ভবন-কন্টেইনমেন্ট সংযোগ দিন। সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে (IMIS লেয়ারগুলো) কাজটি PostGIS-এ চলে; অন্য লেয়ারে QGIS নিজেই একই ফল হিসাব করে।</translation>
    </message>
    <message>
      <source>Finds the features whose field matches a condition (for example functional_use equals educational, population at least 50, name contains 'school') and summarises them: number of features and the total of a numeric field (population...) per ward and per square grid cell (500 m by default). Leave the field empty to summarise every feature.

The value is converted to the field's type: numbers, dates as YYYY-MM-DD, true/false; 'is one of' takes values separated by commas. 'contains' and 'starts with' ignore case and treat every character literally. Features count in the ward their centroid falls in; the '(all)' row counts every matching feature. Grid cells are aligned on multiples of the cell size; cell_x and cell_y number them.

When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation>যেসব ফিচারের ফিল্ড একটি শর্ত মেলে সেগুলো খুঁজে বের করে (যেমন functional_use সমান educational, population অন্তত ৫০, name-এ 'school' আছে) এবং সারসংক্ষেপ দেয়: ফিচারের সংখ্যা ও একটি সংখ্যাসূচক ফিল্ডের (population...) যোগফল, ওয়ার্ডভিত্তিক এবং বর্গাকার গ্রিড সেলভিত্তিক (ডিফল্ট ৫০০ মিটার)। সব ফিচারের সারসংক্ষেপের জন্য ফিল্ড ফাঁকা রাখুন।

মানটি ফিল্ডের ধরনে রূপান্তরিত হয়: সংখ্যা, YYYY-MM-DD আকারে তারিখ, true/false; ‘এগুলোর যেকোনো একটি’ কমা দিয়ে আলাদা মান নেয়। ‘ধারণ করে’ ও ‘দিয়ে শুরু’ ছোট-বড় হাতের অক্ষরের পার্থক্য ধরে না এবং প্রতিটি অক্ষর হুবহু ধরে। ফিচার গণনা হয় যে ওয়ার্ডে তার কেন্দ্রবিন্দু পড়ে সেখানে; '(all)' সারি শর্ত মেলা সব ফিচার গোনে। গ্রিড সেলগুলো সেলের আকারের গুণিতকে সাজানো; cell_x ও cell_y সেগুলোর নম্বর।

সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে (IMIS লেয়ারগুলো) কাজটি PostGIS-এ চলে; অন্য লেয়ারে QGIS নিজেই একই ফল হিসাব করে।</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>প্রথম দিন</translation>
    </message>
    <message>
      <source>Fiscal year (its first calendar year: 2025 = 2025-26)</source>
      <translation>অর্থবছর (এর প্রথম পঞ্জিকা বছর: 2025 = 2025-26)</translation>
    </message>
    <message>
      <source>Folder of JSON feeds (CITY_YEAR.json)</source>
      <translation>JSON ফিডের ফোল্ডার (CITY_YEAR.json)</translation>
    </message>
    <message>
      <source>For every building whose residents depend on a community or public toilet (the building-toilet links), measures the walking distance along the road network to that toilet, and flags the buildings farther than a threshold.

Walking distance = from the building's centroid straight to the nearest road, along the roads (shortest path), then straight to the toilet. Roads connect where they share a vertex: lines that cross without a common vertex are not connected (split them first with Vector geometry &gt; Split with lines if needed). A toilet that cannot be reached along the roads leaves walking_m empty and counts as beyond the threshold. The summary gives, per toilet, the dependents, how many are beyond and the mean and longest walk (the mean of all is CWIS indicator SF-3e).

When every input is a table of the same PostGIS database (the IMIS layers), the routing runs in PostGIS with pgRouting; on other layers QGIS's network analysis computes the same answer.</source>
      <translation>যেসব ভবনের বাসিন্দারা কমিউনিটি বা পাবলিক টয়লেটের ওপর নির্ভরশীল (ভবন-টয়লেট সংযোগ), তাদের প্রতিটির জন্য সড়ক নেটওয়ার্ক ধরে সেই টয়লেট পর্যন্ত হাঁটার দূরত্ব মাপে, এবং একটি সীমার চেয়ে দূরের ভবনগুলো চিহ্নিত করে।

হাঁটার দূরত্ব = ভবনের কেন্দ্রবিন্দু থেকে সোজা নিকটতম সড়কে, সড়ক ধরে (সবচেয়ে ছোট পথ), তারপর সোজা টয়লেটে। সড়কগুলো যেখানে একটি ভার্টেক্স ভাগ করে সেখানে যুক্ত হয়: সাধারণ ভার্টেক্স ছাড়া একে অপরকে অতিক্রম করা লাইন যুক্ত নয় (প্রয়োজনে আগে Vector geometry &gt; Split with lines দিয়ে ভাগ করুন)। সড়ক ধরে যে টয়লেটে পৌঁছানো যায় না তার walking_m ফাঁকা থাকে এবং সেটি সীমার বাইরে বলে গণ্য হয়। সারসংক্ষেপে প্রতি টয়লেটের জন্য থাকে নির্ভরশীল ভবন, কতগুলো সীমার বাইরে, এবং গড় ও সবচেয়ে দীর্ঘ হাঁটা (সবগুলোর গড় হলো CWIS সূচক SF-3e)।

সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে (IMIS লেয়ারগুলো) রাউটিং PostGIS-এ pgRouting দিয়ে চলে; অন্য লেয়ারে QGIS-এর নেটওয়ার্ক বিশ্লেষণ একই ফল হিসাব করে।</translation>
    </message>
    <message>
      <source>For the chosen drains or sewers (select some, or list their codes, to use only those), lists the buildings within a distance that are not connected to a network yet, with the nearest segment and the distance to it, ranked nearest first (rank 1 is the cheapest connection).

'Not connected' means the building's connection field is empty: drain_id for drains, sewer_id for sewers on IMIS buildings; choose another field for other layers. Once an officer confirms a connection, store the segment_id of the result in that field: the building then drops out of the next run.

Distance: shortest distance between the building footprint and the segment, in metres. When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS as one indexed query; on other layers QGIS computes the same answer itself.</source>
      <translation>বেছে নেওয়া ড্রেন বা সুয়ারেজ লাইনের জন্য (শুধু কিছু ব্যবহার করতে সেগুলো নির্বাচন করুন বা তাদের কোড লিখুন), নির্দিষ্ট দূরত্বের মধ্যে এখনো নেটওয়ার্কে সংযুক্ত নয় এমন ভবনের তালিকা দেয়, নিকটতম অংশ ও তার দূরত্বসহ, কাছেরগুলো আগে সাজিয়ে (rank 1 হলো সবচেয়ে সস্তা সংযোগ)।

‘সংযুক্ত নয়’ মানে ভবনের সংযোগ ফিল্ড ফাঁকা: IMIS ভবনে ড্রেনের জন্য drain_id, সুয়ারেজের জন্য sewer_id; অন্য লেয়ারের জন্য অন্য ফিল্ড বেছে নিন। একজন কর্মকর্তা সংযোগ নিশ্চিত করলে ফলাফলের segment_id ওই ফিল্ডে রাখুন: তখন পরের চালনায় ভবনটি আর আসবে না।

দূরত্ব: ভবনের ফুটপ্রিন্ট ও অংশের মধ্যে সবচেয়ে কম দূরত্ব, মিটারে। সব ইনপুট একই PostGIS ডাটাবেসের টেবিল হলে (IMIS লেয়ারগুলো) কাজটি PostGIS-এ একটি ইনডেক্সড কোয়েরিতে চলে; অন্য লেয়ারে QGIS নিজেই একই ফল হিসাব করে।</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>ফরম্যাট</translation>
    </message>
    <message>
      <source>From</source>
      <translation>থেকে</translation>
    </message>
    <message>
      <source>From (first day of a month, quarter or year)</source>
      <translation>থেকে (মাস, ত্রৈমাসিক বা বছরের প্রথম দিন)</translation>
    </message>
    <message>
      <source>From date</source>
      <translation>শুরুর তারিখ</translation>
    </message>
    <message>
      <source>Gateway (payment channel code)</source>
      <translation>গেটওয়ে (পরিশোধ চ্যানেলের কোড)</translation>
    </message>
    <message>
      <source>Gateway file (CSV)</source>
      <translation>গেটওয়ে ফাইল (CSV)</translation>
    </message>
    <message>
      <source>Generate demo city</source>
      <translation>ডেমো শহর তৈরি</translation>
    </message>
    <message>
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg);;Zipped Shapefile (*.zip);;Excel (*.xlsx);;CSV (*.csv)</source>
      <translation>GeoPackage (*.gpkg);;জিপ করা Shapefile (*.zip);;Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <source>Give a layer to measure the distance from, or draw an area.</source>
      <translation>দূরত্ব মাপার জন্য একটি লেয়ার দিন, অথবা একটি এলাকা আঁকুন।</translation>
    </message>
    <message>
      <source>Give both the buildings and the building-containment links, or neither.</source>
      <translation>ভবন ও ভবন-কন্টেইনমেন্ট সংযোগ দুটোই দিন, অথবা কোনোটিই না।</translation>
    </message>
    <message>
      <source>Give buildings, containments or both.</source>
      <translation>ভবন, কন্টেইনমেন্ট বা দুটোই দিন।</translation>
    </message>
    <message>
      <source>Give the ward number or the low-income community code.</source>
      <translation>ওয়ার্ড নম্বর বা নিম্ন-আয়ের জনগোষ্ঠীর কোড দিন।</translation>
    </message>
    <message>
      <source>Give water points, water bodies or both.</source>
      <translation>পানির উৎস, জলাশয় বা দুটোই দিন।</translation>
    </message>
    <message>
      <source>Grid cell size (m)</source>
      <translation>গ্রিড সেলের আকার (মিটার)</translation>
    </message>
    <message>
      <source>Groundwater risk</source>
      <translation>ভূগর্ভস্থ পানির ঝুঁকি</translation>
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation>HTML ফাইল (*.html)</translation>
    </message>
    <message>
      <source>Head revision</source>
      <translation>সর্বশেষ সংস্করণ</translation>
    </message>
    <message>
      <source>Holding codes (comma-separated; empty: all)</source>
      <translation>হোল্ডিং কোড (কমা দিয়ে আলাদা; ফাঁকা: সব)</translation>
    </message>
    <message>
      <source>Holding tax per building</source>
      <translation>ভবনভিত্তিক হোল্ডিং কর</translation>
    </message>
    <message>
      <source>Holdings without an annual value</source>
      <translation>বার্ষিক মূল্য ছাড়া হোল্ডিং</translation>
    </message>
    <message>
      <source>Hose length (m)</source>
      <translation>হোসের দৈর্ঘ্য (মিটার)</translation>
    </message>
    <message>
      <source>Hose length of a vehicle with none recorded (m)</source>
      <translation>যে গাড়ির হোসের দৈর্ঘ্য লিপিবদ্ধ নেই তার হোসের দৈর্ঘ্য (মিটার)</translation>
    </message>
    <message>
      <source>Hotspot wards: {}; clusters of positive samples: {}</source>
      <translation>হটস্পট ওয়ার্ড: {}; পজিটিভ নমুনার ক্লাস্টার: {}</translation>
    </message>
    <message>
      <source>Hotspot: at least this many cases</source>
      <translation>হটস্পট: অন্তত এতজন রোগী</translation>
    </message>
    <message>
      <source>Hotspot: times the city rate</source>
      <translation>হটস্পট: শহরের হারের এত গুণ</translation>
    </message>
    <message>
      <source>IMIS database status</source>
      <translation>IMIS ডাটাবেসের অবস্থা</translation>
    </message>
    <message>
      <source>IMIS project</source>
      <translation>IMIS প্রকল্প</translation>
    </message>
    <message>
      <source>Import DHIS2 disease cases</source>
      <translation>DHIS2 থেকে রোগী ইমপোর্ট</translation>
    </message>
    <message>
      <source>Import data with a mapping</source>
      <translation>ম্যাপিং দিয়ে ডাটা ইমপোর্ট</translation>
    </message>
    <message>
      <source>Import field edits</source>
      <translation>মাঠের সম্পাদনা ইমপোর্ট</translation>
    </message>
    <message>
      <source>Import payments from a gateway file</source>
      <translation>গেটওয়ে ফাইল থেকে পরিশোধ ইমপোর্ট</translation>
    </message>
    <message>
      <source>In QGIS only (native path)</source>
      <translation>শুধু QGIS-এ (native পথ)</translation>
    </message>
    <message>
      <source>Indicator rows</source>
      <translation>সূচকের সারি</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>সূচক</translation>
    </message>
    <message>
      <source>Inserted</source>
      <translation>নতুন যুক্ত</translation>
    </message>
    <message>
      <source>Installs the IMIS schema into a database, or upgrades an existing IMIS database to the head revision this plugin ships: data schemas through their migrations, then the app schema (views, functions, triggers, permissions) rebuilt and the code lists loaded, all in one transaction: on any error nothing is changed.

SRID: the city's projected coordinate reference system in metres (for example 32645, WGS 84 / UTM zone 45N, or 32646, UTM zone 46N). Required on first install only; an installed database keeps the SRID it was created with.

The database needs the PostGIS and pgRouting extensions available, and the user the rights to create schemas. Back the database up before upgrading production data.</source>
      <translation>একটি ডাটাবেসে IMIS স্কিমা স্থাপন করে, অথবা বিদ্যমান IMIS ডাটাবেসকে এই প্লাগইনের সঙ্গে আসা সর্বশেষ সংস্করণে হালনাগাদ করে: ডাটা স্কিমাগুলো তাদের মাইগ্রেশনের মাধ্যমে, তারপর app স্কিমা (ভিউ, ফাংশন, ট্রিগার, অনুমতি) নতুন করে তৈরি ও কোড তালিকা লোড, সবকিছু একটি ট্রানজ্যাকশনে: কোনো ত্রুটি হলে কিছুই বদলায় না।

SRID: মিটার এককে শহরের প্রজেক্টেড স্থানাঙ্ক ব্যবস্থা (যেমন 32645, WGS 84 / UTM zone 45N, বা 32646, UTM zone 46N)। শুধু প্রথম স্থাপনের সময় দরকার; স্থাপিত ডাটাবেস যে SRID দিয়ে তৈরি হয়েছিল তা-ই রাখে।

ডাটাবেসে PostGIS ও pgRouting এক্সটেনশন থাকতে হবে, এবং ব্যবহারকারীর স্কিমা তৈরির অধিকার থাকতে হবে। চালু ডাটা (production) হালনাগাদের আগে ডাটাবেসের ব্যাকআপ নিন।</translation>
    </message>
    <message>
      <source>Issue bill run</source>
      <translation>বিল ব্যাচ জারি</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>জারিকারী</translation>
    </message>
    <message>
      <source>Issues a holding-tax bill run that a revenue chief has signed off: its bills become due, payments can be taken on them and their balance counts as arrears in the next run. A revenue chief or an IMIS admin may issue. Optionally prints every bill of the run to one PDF (English and Bangla labels, a QGIS print layout); for a ward or some holdings only, use Print bills.</source>
      <translation>রাজস্ব প্রধানের অনুমোদিত একটি হোল্ডিং করের বিল ব্যাচ জারি করে: এর বিলগুলো পরিশোধযোগ্য হয়, সেগুলোর ওপর পরিশোধ নেওয়া যায় এবং তাদের স্থিতি পরের ব্যাচে বকেয়া হিসেবে গণ্য হয়। রাজস্ব প্রধান বা IMIS প্রশাসক জারি করতে পারেন। চাইলে ব্যাচের সব বিল একটি PDF-এ মুদ্রণ করে (ইংরেজি ও বাংলা নাম, একটি QGIS প্রিন্ট লেআউট); শুধু একটি ওয়ার্ড বা কিছু হোল্ডিংয়ের জন্য “বিল মুদ্রণ” ব্যবহার করুন।</translation>
    </message>
    <message>
      <source>JMP safely managed</source>
      <translation>JMP নিরাপদে ব্যবস্থাপিত</translation>
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <source>JSON (*.json);;CSV (*.csv)</source>
      <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
      <source>KPI summary</source>
      <translation>KPI সারসংক্ষেপ</translation>
    </message>
    <message>
      <source>KPI table</source>
      <translation>KPI টেবিল</translation>
    </message>
    <message>
      <source>LIC label field</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠীর নামের ফিল্ড</translation>
    </message>
    <message>
      <source>Labels of code lists</source>
      <translation>কোড তালিকার নাম</translation>
    </message>
    <message>
      <source>Labels of value lists</source>
      <translation>মানের তালিকার নাম</translation>
    </message>
    <message>
      <source>Last day (empty: the number of months below)</source>
      <translation>শেষ দিন (ফাঁকা: নিচের মাসের সংখ্যা অনুযায়ী)</translation>
    </message>
    <message>
      <source>Last day of the FSM history (default: today)</source>
      <translation>এফএসএম ইতিহাসের শেষ দিন (ডিফল্ট: আজ)</translation>
    </message>
    <message>
      <source>Last emptied date field</source>
      <translation>সর্বশেষ খালিকরণের তারিখের ফিল্ড</translation>
    </message>
    <message>
      <source>Layers</source>
      <translation>লেয়ার</translation>
    </message>
    <message>
      <source>Layers that could not be opened: {}</source>
      <translation>যে লেয়ারগুলো খোলা যায়নি: {}</translation>
    </message>
    <message>
      <source>Link field holding the building key</source>
      <translation>ভবনের কী থাকা সংযোগ ফিল্ড</translation>
    </message>
    <message>
      <source>Link field holding the containment key</source>
      <translation>কন্টেইনমেন্টের কী থাকা সংযোগ ফিল্ড</translation>
    </message>
    <message>
      <source>Link field holding the toilet key</source>
      <translation>টয়লেটের কী থাকা সংযোগ ফিল্ড</translation>
    </message>
    <message>
      <source>Load only the rows that pass (skip rejected rows)</source>
      <translation>শুধু উত্তীর্ণ সারিগুলো লোড করুন (বাতিল সারি বাদ দিন)</translation>
    </message>
    <message>
      <source>Loads municipal data as cities hold it (Shapefile, GeoPackage, GeoJSON, CSV, Excel) into the IMIS tables. A mapping file (TOML or JSON, see docs/data_transfer.md and database/mappings/) says which layer or sheet goes to which table, which source field fills which IMIS field and how values translate to code lists.

Geometries are reprojected to the city CRS. Every row is checked first (types, code lists, required fields, geometry type and validity, duplicate keys, references such as ward numbers and BINs, the database's rules); rows match existing ones on their natural key (BIN, holding code, code), so running the same import again changes nothing.

If any row is rejected, nothing is written (unless 'Load only the rows that pass' is ticked) and the report lists every rejected row with file, row, field and reason. A dry run checks and counts without writing.</source>
      <translation>শহরগুলো যেভাবে রাখে সেভাবেই পৌর ডাটা (Shapefile, GeoPackage, GeoJSON, CSV, Excel) IMIS টেবিলে লোড করে। একটি ম্যাপিং ফাইল (TOML বা JSON, দেখুন docs/data_transfer.md ও database/mappings/) বলে দেয় কোন লেয়ার বা শিট কোন টেবিলে যাবে, উৎসের কোন ফিল্ড IMIS-এর কোন ফিল্ড পূরণ করবে এবং মানগুলো কীভাবে কোড তালিকায় রূপান্তরিত হবে।

জ্যামিতিগুলো শহরের CRS-এ রিপ্রজেক্ট করা হয়। প্রতিটি সারি আগে যাচাই করা হয় (ধরন, কোড তালিকা, আবশ্যক ফিল্ড, জ্যামিতির ধরন ও বৈধতা, দ্বৈত কী, ওয়ার্ড নম্বর ও BIN-এর মতো রেফারেন্স, ডাটাবেসের নিয়ম); সারিগুলো বিদ্যমান সারির সঙ্গে তাদের স্বাভাবিক কী (BIN, হোল্ডিং কোড, কোড) দিয়ে মেলানো হয়, তাই একই ইমপোর্ট আবার চালালে কিছুই বদলায় না।

কোনো সারি বাতিল হলে কিছুই লেখা হয় না (যদি না ‘শুধু উত্তীর্ণ সারিগুলো লোড করুন’ টিক দেওয়া থাকে) এবং প্রতিবেদনে ফাইল, সারি, ফিল্ড ও কারণসহ প্রতিটি বাতিল সারির তালিকা থাকে। পরীক্ষামূলক চালনা কিছু না লিখে যাচাই ও গণনা করে।</translation>
    </message>
    <message>
      <source>Loads waterborne disease cases exported from DHIS2 as a data-value set (its standard JSON, or CSV with the columns dataelement, period, orgunit, value) into the disease cases of the city's wards.

The mapping file (JSON) names the ward number of each DHIS2 org unit and the disease of each data element: {"org_units": {"OU_UID": 1}, "data_elements": {"DE_UID": "cholera"}}. Values of the same ward, disease and period (age or sex groups) are added up. Periods may be days, ISO weeks, months, quarters or years.

Importing the same file again changes nothing; a changed value updates the figure. Any row with an unmapped org unit or data element, an unknown period or a value that is not a whole number is listed with its row number, and then nothing is written. A dry run reports without writing.</source>
      <translation>DHIS2 থেকে data-value set হিসেবে এক্সপোর্ট করা পানিবাহিত রোগের রোগীর সংখ্যা (এর আদর্শ JSON, বা dataelement, period, orgunit, value কলামসহ CSV) শহরের ওয়ার্ডগুলোর রোগীর তথ্যে লোড করে।

ম্যাপিং ফাইল (JSON) প্রতিটি DHIS2 org unit-এর ওয়ার্ড নম্বর এবং প্রতিটি data element-এর রোগ বলে দেয়: {"org_units": {"OU_UID": 1}, "data_elements": {"DE_UID": "cholera"}}। একই ওয়ার্ড, রোগ ও সময়কালের মানগুলো (বয়স বা লিঙ্গভিত্তিক দল) যোগ করা হয়। সময়কাল দিন, ISO সপ্তাহ, মাস, ত্রৈমাসিক বা বছর হতে পারে।

একই ফাইল আবার ইমপোর্ট করলে কিছুই বদলায় না; কোনো মান বদলালে সংখ্যাটি হালনাগাদ হয়। ম্যাপিং নেই এমন org unit বা data element, অজানা সময়কাল বা পূর্ণসংখ্যা নয় এমন মানসহ যেকোনো সারি তার সারি নম্বরসহ তালিকাভুক্ত হয়, এবং তখন কিছুই লেখা হয় না। পরীক্ষামূলক চালনা কিছু না লিখে প্রতিবেদন দেয়।</translation>
    </message>
    <message>
      <source>Low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Low-income community</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Low-income community code</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠীর কোড</translation>
    </message>
    <message>
      <source>Mapping (*.toml *.json)</source>
      <translation>ম্যাপিং (*.toml *.json)</translation>
    </message>
    <message>
      <source>Mapping file</source>
      <translation>ম্যাপিং ফাইল</translation>
    </message>
    <message>
      <source>Matching features</source>
      <translation>শর্ত মেলা ফিচার</translation>
    </message>
    <message>
      <source>Mean truck speed in town (km/h)</source>
      <translation>শহরে ট্রাকের গড় গতি (কিমি/ঘণ্টা)</translation>
    </message>
    <message>
      <source>Minutes at a containment before pumping</source>
      <translation>পাম্প শুরুর আগে কন্টেইনমেন্টে সময় (মিনিট)</translation>
    </message>
    <message>
      <source>Minutes to unload at a plant</source>
      <translation>শোধনাগারে খালাসের সময় (মিনিট)</translation>
    </message>
    <message>
      <source>Mismatched rows</source>
      <translation>না মেলা সারি</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>মাস</translation>
    </message>
    <message>
      <source>Month (YYYY-MM)</source>
      <translation>মাস (YYYY-MM)</translation>
    </message>
    <message>
      <source>Month {!r} is not YYYY-MM.</source>
      <translation>মাস {!r} YYYY-MM আকারে নেই।</translation>
    </message>
    <message>
      <source>Months to plan</source>
      <translation>পরিকল্পনার মাস</translation>
    </message>
    <message>
      <source>National dashboard feed</source>
      <translation>জাতীয় ড্যাশবোর্ড ফিড</translation>
    </message>
    <message>
      <source>National dashboard feed of all cities</source>
      <translation>সব শহরের জাতীয় ড্যাশবোর্ড ফিড</translation>
    </message>
    <message>
      <source>National database (pg_service name or connection string)</source>
      <translation>জাতীয় ডাটাবেস (pg_service নাম বা সংযোগ স্ট্রিং)</translation>
    </message>
    <message>
      <source>New bills</source>
      <translation>নতুন বিল</translation>
    </message>
    <message>
      <source>New rows</source>
      <translation>নতুন সারি</translation>
    </message>
    <message>
      <source>No database given: enter a pg_service name or connection string.</source>
      <translation>কোনো ডাটাবেস দেওয়া হয়নি: একটি pg_service নাম বা সংযোগ স্ট্রিং লিখুন।</translation>
    </message>
    <message>
      <source>No emptying for (years)</source>
      <translation>যত বছর খালিকরণ হয়নি</translation>
    </message>
    <message>
      <source>No feed: no chosen city has that published year in the national database.</source>
      <translation>কোনো ফিড নেই: বেছে নেওয়া কোনো শহরের ওই বছরের প্রকাশিত তথ্য জাতীয় ডাটাবেসে নেই।</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>মন্তব্য</translation>
    </message>
    <message>
      <source>Number of buildings</source>
      <translation>ভবনের সংখ্যা</translation>
    </message>
    <message>
      <source>Only the jobs of service provider (code)</source>
      <translation>শুধু এই সেবা প্রদানকারীর কাজ (কোড)</translation>
    </message>
    <message>
      <source>Only the segments with these labels (comma-separated; empty = all, or the selection)</source>
      <translation>শুধু এই নামের অংশগুলো (কমা দিয়ে আলাদা; ফাঁকা = সব, বা নির্বাচিতগুলো)</translation>
    </message>
    <message>
      <source>Only these containment types (comma-separated; empty = all)</source>
      <translation>শুধু এই ধরনের কন্টেইনমেন্ট (কমা দিয়ে আলাদা; ফাঁকা = সব)</translation>
    </message>
    <message>
      <source>Only this provider (code)</source>
      <translation>শুধু এই সেবা প্রদানকারী (কোড)</translation>
    </message>
    <message>
      <source>Open the project when done (desktop only)</source>
      <translation>শেষ হলে প্রকল্পটি খুলুন (শুধু ডেস্কটপে)</translation>
    </message>
    <message>
      <source>Or distance from a drawn area</source>
      <translation>অথবা আঁকা এলাকা থেকে দূরত্ব</translation>
    </message>
    <message>
      <source>Output file</source>
      <translation>আউটপুট ফাইল</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>PDF report (city and every ward)</source>
      <translation>PDF প্রতিবেদন (শহর ও প্রতিটি ওয়ার্ড)</translation>
    </message>
    <message>
      <source>PDF report written: {}</source>
      <translation>PDF প্রতিবেদন লেখা হয়েছে: {}</translation>
    </message>
    <message>
      <source>PNG (*.png)</source>
      <translation>PNG (*.png)</translation>
    </message>
    <message>
      <source>Package folder</source>
      <translation>প্যাকেজের ফোল্ডার</translation>
    </message>
    <message>
      <source>Package id</source>
      <translation>প্যাকেজ আইডি</translation>
    </message>
    <message>
      <source>Payments applied</source>
      <translation>যুক্ত করা পরিশোধ</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>সময়কাল</translation>
    </message>
    <message>
      <source>Plan emptying schedule</source>
      <translation>খালিকরণের সময়সূচি পরিকল্পনা</translation>
    </message>
    <message>
      <source>Planning</source>
      <translation>পরিকল্পনা</translation>
    </message>
    <message>
      <source>Plans which containments are emptied on which working day, by which vehicle, in which order.

Two programmes are merged: on-demand applications (emergencies first, then by their response target) and regular scheduled desludging of containments the fill model finds due by the end of the period (volume, users, the accumulation rate of the containment type, the last emptying or a measured sludge level). What the fill model had to estimate is flagged on each stop.

Each vehicle works the city's working days (weekends and holidays skipped), from its depot, with its capacity, trips per day (plant runs, including the last one of the day) and hose length, only on roads at least as wide as it is, only in the wards its provider serves. Stops are grouped by proximity and ordered along the road network (pgRouting); each vehicle-day gets a route line.

Re-planning an existing schedule keeps its confirmed stops on their vehicle and day; households that declined wait in the re-integration queue. Everything is written in one transaction: on an error or a cancel nothing is written. Optionally writes the Excel work orders.</source>
      <translation>কোন কন্টেইনমেন্ট কোন কর্মদিবসে, কোন গাড়িতে, কোন ক্রমে খালি করা হবে তার পরিকল্পনা করে।

দুটি কর্মসূচি একত্র করা হয়: চাহিদাভিত্তিক আবেদন (আগে জরুরি, তারপর সাড়া দেওয়ার লক্ষ্য-সময় অনুযায়ী) এবং নিয়মিত নির্ধারিত খালিকরণ — যেসব কন্টেইনমেন্ট ভরাট মডেল অনুযায়ী সময়কালের শেষের মধ্যে খালিকরণের সময় হবে (আয়তন, ব্যবহারকারী, কন্টেইনমেন্টের ধরনের জমার হার, সর্বশেষ খালিকরণ বা মাপা স্লাজের স্তর)। ভরাট মডেলকে যা অনুমান করতে হয়েছে তা প্রতিটি স্টপে চিহ্নিত থাকে।

প্রতিটি গাড়ি শহরের কর্মদিবসে কাজ করে (সাপ্তাহিক ও অন্যান্য ছুটি বাদে), নিজের ডিপো থেকে, নিজের ধারণক্ষমতা, দিনে ট্রিপ (শোধনাগারে যাতায়াত, দিনের শেষটিসহ) ও হোসের দৈর্ঘ্য নিয়ে, শুধু অন্তত তার সমান চওড়া সড়কে, শুধু তার সেবা প্রদানকারীর ওয়ার্ডগুলোতে। স্টপগুলো নৈকট্য অনুযায়ী দলবদ্ধ করে সড়ক নেটওয়ার্ক ধরে সাজানো হয় (pgRouting); প্রতিটি গাড়ি-দিনের জন্য একটি রুট লাইন তৈরি হয়।

বিদ্যমান সময়সূচি নতুন করে পরিকল্পনা করলে নিশ্চিত স্টপগুলো তাদের গাড়ি ও দিনে থেকে যায়; যেসব খানা রাজি হয়নি তারা পুনঃঅন্তর্ভুক্তির সারিতে অপেক্ষা করে। সবকিছু একটি ট্রানজ্যাকশনে লেখা হয়: ত্রুটি হলে বা বাতিল করলে কিছুই লেখা হয় না। চাইলে Excel কার্যাদেশ লেখে।</translation>
    </message>
    <message>
      <source>Plant runs a day of a vehicle with none recorded</source>
      <translation>যে গাড়ির তথ্য লিপিবদ্ধ নেই তার দিনে শোধনাগারে যাতায়াতের সংখ্যা</translation>
    </message>
    <message>
      <source>Polygons of a layer</source>
      <translation>একটি লেয়ারের পলিগন</translation>
    </message>
    <message>
      <source>Polygons of {}</source>
      <translation>{}-এর পলিগন</translation>
    </message>
    <message>
      <source>Population field</source>
      <translation>জনসংখ্যার ফিল্ড</translation>
    </message>
    <message>
      <source>Positive samples per cluster</source>
      <translation>ক্লাস্টারপ্রতি পজিটিভ নমুনা</translation>
    </message>
    <message>
      <source>PostGIS</source>
      <translation>PostGIS</translation>
    </message>
    <message>
      <source>PostGIS version</source>
      <translation>PostGIS সংস্করণ</translation>
    </message>
    <message>
      <source>PostGIS {}</source>
      <translation>PostGIS {}</translation>
    </message>
    <message>
      <source>PostgreSQL</source>
      <translation>PostgreSQL</translation>
    </message>
    <message>
      <source>PostgreSQL version</source>
      <translation>PostgreSQL সংস্করণ</translation>
    </message>
    <message>
      <source>PostgreSQL {}</source>
      <translation>PostgreSQL {}</translation>
    </message>
    <message>
      <source>Print bills</source>
      <translation>বিল মুদ্রণ</translation>
    </message>
    <message>
      <source>Printable bills (PDF)</source>
      <translation>মুদ্রণযোগ্য বিল (PDF)</translation>
    </message>
    <message>
      <source>Prints the bills of a holding-tax bill run to one PDF, a page (A5) per bill: the particulars and amounts with English and Bangla labels, what settles the whole year with the rebate on first-quarter bills, and a small map of the holding's building. Made with a QGIS print layout whose atlas walks the bills. A run not issued yet prints as a draft. Optionally one ward, some holdings (comma-separated codes) or the first N bills; optionally also the run's bill register (Excel, with totals per ward).</source>
      <translation>একটি হোল্ডিং করের বিল ব্যাচের বিলগুলো একটি PDF-এ মুদ্রণ করে, প্রতি বিলে এক পৃষ্ঠা (A5): ইংরেজি ও বাংলা নামসহ বিবরণ ও টাকার পরিমাণ, প্রথম ত্রৈমাসিকের বিলে রেয়াতসহ পুরো বছরের পরিশোধের পরিমাণ, এবং হোল্ডিংয়ের ভবনের একটি ছোট মানচিত্র। একটি QGIS প্রিন্ট লেআউট দিয়ে তৈরি, যার অ্যাটলাস বিলগুলো একে একে নেয়। এখনো জারি না হওয়া ব্যাচ খসড়া হিসেবে মুদ্রিত হয়। চাইলে একটি ওয়ার্ড, কিছু হোল্ডিং (কমা দিয়ে আলাদা কোড) বা প্রথম N-টি বিল; চাইলে ব্যাচের বিল রেজিস্টারও (Excel, ওয়ার্ডভিত্তিক মোটসহ)।</translation>
    </message>
    <message>
      <source>Provider monthly report</source>
      <translation>সেবা প্রদানকারীর মাসিক প্রতিবেদন</translation>
    </message>
    <message>
      <source>Public health</source>
      <translation>জনস্বাস্থ্য</translation>
    </message>
    <message>
      <source>Publish a year's indicators</source>
      <translation>এক বছরের সূচক প্রকাশ</translation>
    </message>
    <message>
      <source>Publish the draft snapshot</source>
      <translation>খসড়া স্ন্যাপশট প্রকাশ করুন</translation>
    </message>
    <message>
      <source>Published at</source>
      <translation>প্রকাশের সময়</translation>
    </message>
    <message>
      <source>Published on the dashboard</source>
      <translation>ড্যাশবোর্ডে প্রকাশিত</translation>
    </message>
    <message>
      <source>Pumping minutes per m3</source>
      <translation>প্রতি ঘনমিটার পাম্প করতে সময় (মিনিট)</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>উদ্দেশ্য</translation>
    </message>
    <message>
      <source>Q1 July-September</source>
      <translation>Q1 জুলাই-সেপ্টেম্বর</translation>
    </message>
    <message>
      <source>Q2 October-December</source>
      <translation>Q2 অক্টোবর-ডিসেম্বর</translation>
    </message>
    <message>
      <source>Q3 January-March</source>
      <translation>Q3 জানুয়ারি-মার্চ</translation>
    </message>
    <message>
      <source>Q4 April-June</source>
      <translation>Q4 এপ্রিল-জুন</translation>
    </message>
    <message>
      <source>QField package (*.zip imis_package.json)</source>
      <translation>QField প্যাকেজ (*.zip imis_package.json)</translation>
    </message>
    <message>
      <source>QGIS authentication configuration (optional)</source>
      <translation>QGIS প্রমাণীকরণ কনফিগারেশন (ঐচ্ছিক)</translation>
    </message>
    <message>
      <source>QGIS project of the package</source>
      <translation>প্যাকেজের QGIS প্রকল্প</translation>
    </message>
    <message>
      <source>QGIS projects (*.qgz)</source>
      <translation>QGIS প্রকল্প (*.qgz)</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>ত্রৈমাসিক</translation>
    </message>
    <message>
      <source>Quarter (1-4) or month (1-12)</source>
      <translation>ত্রৈমাসিক (1-4) বা মাস (1-12)</translation>
    </message>
    <message>
      <source>Re-plan the schedule with this code (confirmed stops stay)</source>
      <translation>এই কোডের সময়সূচি নতুন করে পরিকল্পনা করুন (নিশ্চিত স্টপগুলো থাকবে)</translation>
    </message>
    <message>
      <source>Read</source>
      <translation>পড়া হয়েছে</translation>
    </message>
    <message>
      <source>Read-only layers</source>
      <translation>শুধু পড়ার লেয়ার</translation>
    </message>
    <message>
      <source>Reads a payment-gateway file (CSV with the columns bill_number, transaction_id, amount, paid_on) and records each payment against its bill, matched by bill number.

Idempotent: a transaction recorded earlier (same gateway, same transaction id, bill and amount) is skipped, so a file can be read again safely. A malformed file (a missing column, an amount or date that cannot be read, a date in the future) is refused whole with every problem named by line and column. Rows that do not match (unknown bill number, bill not issued, a transaction recorded earlier with another bill or amount) are reported and not applied; the rest is applied in one transaction, or nothing with 'All or nothing'. The report lists every row's outcome.</source>
      <translation>একটি পেমেন্ট-গেটওয়ে ফাইল (bill_number, transaction_id, amount, paid_on কলামসহ CSV) পড়ে এবং প্রতিটি পরিশোধ বিল নম্বর মিলিয়ে তার বিলের বিপরীতে লিপিবদ্ধ করে।

বারবার চালানো নিরাপদ: আগে লিপিবদ্ধ কোনো লেনদেন (একই গেটওয়ে, একই লেনদেন আইডি, বিল ও পরিমাণ) বাদ দেওয়া হয়, তাই একটি ফাইল নিরাপদে আবার পড়া যায়। ত্রুটিপূর্ণ ফাইল (কোনো কলাম নেই, পরিমাণ বা তারিখ পড়া যায় না, ভবিষ্যতের তারিখ) পুরোটাই প্রত্যাখ্যাত হয়, প্রতিটি সমস্যা লাইন ও কলামসহ উল্লেখ করে। যেসব সারি মেলে না (অজানা বিল নম্বর, জারি না হওয়া বিল, অন্য বিল বা পরিমাণ দিয়ে আগে লিপিবদ্ধ লেনদেন) সেগুলো প্রতিবেদনে থাকে, যুক্ত হয় না; বাকিগুলো একটি ট্রানজ্যাকশনে যুক্ত হয়, অথবা ‘সব অথবা কিছুই না’ দিলে কিছুই না। প্রতিবেদনে প্রতিটি সারির ফলাফল থাকে।</translation>
    </message>
    <message>
      <source>Reference date (empty = today)</source>
      <translation>রেফারেন্স তারিখ (ফাঁকা = আজ)</translation>
    </message>
    <message>
      <source>Reference date {}: gaps are containments not emptied since {}.</source>
      <translation>রেফারেন্স তারিখ {}: {} থেকে খালি না করা কন্টেইনমেন্টগুলো ঘাটতি হিসেবে ধরা হয়েছে।</translation>
    </message>
    <message>
      <source>Regular programme (containments due)</source>
      <translation>নিয়মিত কর্মসূচি (যেসব কন্টেইনমেন্টের খালিকরণ বাকি)</translation>
    </message>
    <message>
      <source>Regular programme only in these wards (numbers, comma separated)</source>
      <translation>নিয়মিত কর্মসূচি শুধু এই ওয়ার্ডগুলোতে (নম্বর, কমা দিয়ে আলাদা)</translation>
    </message>
    <message>
      <source>Rejected rows</source>
      <translation>বাতিল সারি</translation>
    </message>
    <message>
      <source>Relates waterborne disease and contaminated drinking water to sanitation conditions.

Wards: the cases reported for the period (periods lying within it; one disease or all) per 1,000 residents, the city's rate and the ward's relative risk. A ward is a hotspot when its rate is at least the chosen factor times the city's and it has at least the minimum number of cases. Each ward also shows its containments and those unsafe under the indicators' city rule (to a water body or open ground, an unknown outlet, unlined pits, holding tanks, a drain that neither reaches a treatment plant nor is closed and lined, a sewer reaching no plant), the length of drains reaching no plant, the waterlogged area, and the water samples taken (and how many held faecal coliform).

Clusters: positive water samples of the period grouped by distance (DBSCAN: at least the minimum number of samples, each within the cluster distance of another), with the unsafe containments, drains reaching no plant and waterlogging areas within the context distance of the cluster.

Disease cases come from DHIS2 (Import DHIS2 disease cases) or are entered by hand; samples are entered or imported into the water samples layer.</source>
      <translation>পানিবাহিত রোগ ও দূষিত খাবার পানিকে স্যানিটেশন পরিস্থিতির সঙ্গে মিলিয়ে দেখে।

ওয়ার্ড: সময়কালে রিপোর্ট করা রোগী (যেসব সময়কাল এর ভেতরে পড়ে; একটি রোগ বা সব) প্রতি ১,০০০ বাসিন্দায়, শহরের হার ও ওয়ার্ডের আপেক্ষিক ঝুঁকি। কোনো ওয়ার্ডের হার শহরের হারের অন্তত বেছে নেওয়া গুণ হলে এবং সেখানে অন্তত ন্যূনতম সংখ্যক রোগী থাকলে সেটি হটস্পট। প্রতিটি ওয়ার্ডে আরও দেখায় তার কন্টেইনমেন্ট এবং সূচকের শহরের নিয়মে অনিরাপদগুলো (জলাশয় বা খোলা জমিতে, অজানা নির্গমন পথে, আস্তরণহীন গর্ত, হোল্ডিং ট্যাংক, এমন ড্রেনে যা শোধনাগারে পৌঁছায় না এবং ঢাকা ও আস্তরণযুক্তও নয়, কোনো শোধনাগারে না পৌঁছানো সুয়ারেজ লাইনে), শোধনাগারে না পৌঁছানো ড্রেনের দৈর্ঘ্য, জলাবদ্ধ এলাকা, এবং নেওয়া পানির নমুনা (এবং কতগুলোতে ফিকাল কলিফর্ম পাওয়া গেছে)।

ক্লাস্টার: সময়কালের পজিটিভ পানির নমুনা দূরত্ব অনুযায়ী দলবদ্ধ (DBSCAN: অন্তত ন্যূনতম সংখ্যক নমুনা, প্রতিটি অন্য একটির ক্লাস্টার দূরত্বের মধ্যে), ক্লাস্টারের আশপাশের দূরত্বের মধ্যে থাকা অনিরাপদ কন্টেইনমেন্ট, শোধনাগারে না পৌঁছানো ড্রেন ও জলাবদ্ধ এলাকাসহ।

রোগীর তথ্য আসে DHIS2 থেকে (“DHIS2 থেকে রোগী ইমপোর্ট”) বা হাতে লেখা হয়; নমুনাগুলো পানির নমুনার লেয়ারে লেখা বা ইমপোর্ট করা হয়।</translation>
    </message>
    <message>
      <source>Relations</source>
      <translation>সম্পর্ক</translation>
    </message>
    <message>
      <source>Repair invalid geometries (ST_MakeValid) instead of rejecting them</source>
      <translation>ত্রুটিপূর্ণ জ্যামিতি বাতিল না করে মেরামত করুন (ST_MakeValid)</translation>
    </message>
    <message>
      <source>Replace existing data (deletes the city data in the database first)</source>
      <translation>বিদ্যমান ডাটা প্রতিস্থাপন করুন (আগে ডাটাবেসের শহরের ডাটা মুছে ফেলে)</translation>
    </message>
    <message>
      <source>Report (CSV)</source>
      <translation>প্রতিবেদন (CSV)</translation>
    </message>
    <message>
      <source>Report (Excel)</source>
      <translation>প্রতিবেদন (Excel)</translation>
    </message>
    <message>
      <source>Report (PDF)</source>
      <translation>প্রতিবেদন (PDF)</translation>
    </message>
    <message>
      <source>Report of conflicts and rejected rows</source>
      <translation>দ্বন্দ্ব ও বাতিল সারির প্রতিবেদন</translation>
    </message>
    <message>
      <source>Report of rejected and repaired rows</source>
      <translation>বাতিল ও মেরামত করা সারির প্রতিবেদন</translation>
    </message>
    <message>
      <source>Reports what an IMIS database holds: the PostgreSQL, PostGIS and pgRouting versions, the schema revision and whether it is the head revision this plugin ships (if not, run Upgrade database), the city and its coordinate reference system (SRID), and the number of rows of every data table.

The values are algorithm outputs (usable in models and from qgis_process); an HTML report is written too when a file is chosen. The database is only read.</source>
      <translation>একটি IMIS ডাটাবেসে কী আছে তা জানায়: PostgreSQL, PostGIS ও pgRouting-এর সংস্করণ, স্কিমা সংস্করণ এবং এটি এই প্লাগইনের সঙ্গে আসা সর্বশেষ সংস্করণ কি না (না হলে “ডাটাবেস হালনাগাদ” চালান), শহর ও এর স্থানাঙ্ক ব্যবস্থা (SRID), এবং প্রতিটি ডাটা টেবিলের সারির সংখ্যা।

মানগুলো অ্যালগরিদমের আউটপুট (মডেলে ও qgis_process থেকে ব্যবহারযোগ্য); একটি ফাইল বেছে নিলে একটি HTML প্রতিবেদনও লেখা হয়। ডাটাবেস শুধু পড়া হয়।</translation>
    </message>
    <message>
      <source>Returned package (zip, or imis_package.json in its folder)</source>
      <translation>ফেরত আসা প্যাকেজ (zip, বা এর ফোল্ডারের imis_package.json)</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>রাজস্ব</translation>
    </message>
    <message>
      <source>Revision reached</source>
      <translation>অর্জিত সংস্করণ</translation>
    </message>
    <message>
      <source>Road width field (m)</source>
      <translation>সড়কের প্রস্থের ফিল্ড (মিটার)</translation>
    </message>
    <message>
      <source>Roads</source>
      <translation>সড়ক</translation>
    </message>
    <message>
      <source>Roads (walking network)</source>
      <translation>সড়ক (হাঁটার নেটওয়ার্ক)</translation>
    </message>
    <message>
      <source>Routes {}</source>
      <translation>রুট {}</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>সারি</translation>
    </message>
    <message>
      <source>Rows in all data tables</source>
      <translation>সব ডাটা টেবিলের সারি</translation>
    </message>
    <message>
      <source>Rows per layer (JSON)</source>
      <translation>লেয়ারপ্রতি সারি (JSON)</translation>
    </message>
    <message>
      <source>Rows per table</source>
      <translation>টেবিলপ্রতি সারি</translation>
    </message>
    <message>
      <source>Rows per table (JSON)</source>
      <translation>টেবিলপ্রতি সারি (JSON)</translation>
    </message>
    <message>
      <source>Rows without a value</source>
      <translation>মান ছাড়া সারি</translation>
    </message>
    <message>
      <source>Rule of the PDF report</source>
      <translation>PDF প্রতিবেদনের নিয়ম</translation>
    </message>
    <message>
      <source>Run code (empty: HT-&lt;year&gt;-Q&lt;quarter&gt;)</source>
      <translation>ব্যাচের কোড (ফাঁকা: HT-&lt;year&gt;-Q&lt;quarter&gt;)</translation>
    </message>
    <message>
      <source>Run holding tax bill run</source>
      <translation>হোল্ডিং করের বিল ব্যাচ প্রস্তুত</translation>
    </message>
    <message>
      <source>SRID</source>
      <translation>SRID</translation>
    </message>
    <message>
      <source>SRID of the city (first install only)</source>
      <translation>শহরের SRID (শুধু প্রথম স্থাপনের সময়)</translation>
    </message>
    <message>
      <source>Safe rule of the figures</source>
      <translation>সংখ্যাগুলোর নিরাপদ নিয়ম</translation>
    </message>
    <message>
      <source>Safe rules</source>
      <translation>নিরাপদ নিয়ম</translation>
    </message>
    <message>
      <source>Sanitation around a cluster within (m)</source>
      <translation>ক্লাস্টারের চারপাশে যত দূরত্বের মধ্যে স্যানিটেশন (মিটার)</translation>
    </message>
    <message>
      <source>Schedule code</source>
      <translation>সময়সূচির কোড</translation>
    </message>
    <message>
      <source>Schedule code (empty: PLAN-&lt;first&gt;-&lt;last&gt;)</source>
      <translation>সময়সূচির কোড (ফাঁকা: PLAN-&lt;first&gt;-&lt;last&gt;)</translation>
    </message>
    <message>
      <source>Schedule id</source>
      <translation>সময়সূচির আইডি</translation>
    </message>
    <message>
      <source>Schedule name</source>
      <translation>সময়সূচির নাম</translation>
    </message>
    <message>
      <source>Schedule routes</source>
      <translation>সময়সূচির রুট</translation>
    </message>
    <message>
      <source>Schedule stops</source>
      <translation>সময়সূচির স্টপ</translation>
    </message>
    <message>
      <source>Schedule work orders</source>
      <translation>সময়সূচির কার্যাদেশ</translation>
    </message>
    <message>
      <source>Schema revision</source>
      <translation>স্কিমা সংস্করণ</translation>
    </message>
    <message>
      <source>Schema revision {} (head {})</source>
      <translation>স্কিমা সংস্করণ {} (সর্বশেষ {})</translation>
    </message>
    <message>
      <source>Seconds</source>
      <translation>সেকেন্ড</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>সিড (seed)</translation>
    </message>
    <message>
      <source>Segment label field</source>
      <translation>অংশের নামের ফিল্ড</translation>
    </message>
    <message>
      <source>Send the feed to the dashboard</source>
      <translation>ফিড ড্যাশবোর্ডে পাঠান</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>পাঠানো হয়েছে</translation>
    </message>
    <message>
      <source>Sent to {}{}.</source>
      <translation>{}-এ পাঠানো হয়েছে{}।</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>সেবা</translation>
    </message>
    <message>
      <source>Service gaps (no emptying in N years)</source>
      <translation>সেবার ঘাটতি (N বছরে খালিকরণ হয়নি)</translation>
    </message>
    <message>
      <source>Service gaps per ward and LIC</source>
      <translation>ওয়ার্ড ও নিম্ন-আয়ের জনগোষ্ঠী অনুযায়ী সেবার ঘাটতি</translation>
    </message>
    <message>
      <source>Service provider (code)</source>
      <translation>সেবা প্রদানকারী (কোড)</translation>
    </message>
    <message>
      <source>Service provider code (emptying forms)</source>
      <translation>সেবা প্রদানকারীর কোড (খালিকরণের ফর্ম)</translation>
    </message>
    <message>
      <source>Shapefile (zipped)</source>
      <translation>Shapefile (জিপ করা)</translation>
    </message>
    <message>
      <source>Sheets</source>
      <translation>শিট</translation>
    </message>
    <message>
      <source>Sign off bill run</source>
      <translation>বিল ব্যাচ অনুমোদন</translation>
    </message>
    <message>
      <source>Signed off by</source>
      <translation>অনুমোদনকারী</translation>
    </message>
    <message>
      <source>Signs off a draft holding-tax bill run: its bills can no longer change. Only a revenue chief may do this (a login that is a member of imis_revenue_chief); the database refuses anyone else, an IMIS admin included, and records who signed off and when. Connect with your own login (a pg_service entry of your own).

With 'Withdraw' a revenue chief returns a signed-off run that is not issued yet to draft.</source>
      <translation>একটি খসড়া হোল্ডিং করের বিল ব্যাচ অনুমোদন করে: এর বিলগুলো আর বদলানো যায় না। শুধু একজন রাজস্ব প্রধান এটি করতে পারেন (imis_revenue_chief-এর সদস্য এমন একটি লগইন); ডাটাবেস অন্য সবাইকে, IMIS প্রশাসকসহ, প্রত্যাখ্যান করে এবং কে কখন অনুমোদন করেছেন তা লিপিবদ্ধ করে। নিজের লগইন দিয়ে সংযোগ করুন (আপনার নিজের একটি pg_service এন্ট্রি)।

‘প্রত্যাহার’ দিয়ে একজন রাজস্ব প্রধান এখনো জারি না হওয়া একটি অনুমোদিত ব্যাচকে আবার খসড়ায় ফেরত নিতে পারেন।</translation>
    </message>
    <message>
      <source>Snapshot id</source>
      <translation>স্ন্যাপশট আইডি</translation>
    </message>
    <message>
      <source>Solid waste per ward</source>
      <translation>ওয়ার্ডভিত্তিক কঠিন বর্জ্য</translation>
    </message>
    <message>
      <source>State</source>
      <translation>অবস্থা</translation>
    </message>
    <message>
      <source>Status report</source>
      <translation>অবস্থার প্রতিবেদন</translation>
    </message>
    <message>
      <source>Stops</source>
      <translation>স্টপ</translation>
    </message>
    <message>
      <source>Stops {}</source>
      <translation>স্টপ {}</translation>
    </message>
    <message>
      <source>Stored figures</source>
      <translation>সংরক্ষিত সংখ্যা</translation>
    </message>
    <message>
      <source>Stores the indicators of a year as a snapshot: for the whole city, every ward and every low-income community, under both safe rules. A snapshot can be taken again as often as needed (it replaces the previous one) until it is published; once published, the database refuses any change to it (rule indicator_snapshot_published), so the figures sent to the national dashboard stay what they were.

Actions: take a draft snapshot; take it and publish it at once; or publish the draft already taken. Only an IMIS administrator may write snapshots.</source>
      <translation>এক বছরের সূচক একটি স্ন্যাপশট হিসেবে সংরক্ষণ করে: সম্পূর্ণ শহর, প্রতিটি ওয়ার্ড ও প্রতিটি নিম্ন-আয়ের জনগোষ্ঠীর জন্য, উভয় নিরাপদ নিয়মে। প্রকাশের আগ পর্যন্ত যতবার দরকার স্ন্যাপশট আবার নেওয়া যায় (এটি আগেরটিকে প্রতিস্থাপন করে); প্রকাশের পর ডাটাবেস এতে কোনো পরিবর্তন গ্রহণ করে না (নিয়ম indicator_snapshot_published), তাই জাতীয় ড্যাশবোর্ডে পাঠানো সংখ্যাগুলো যেমন ছিল তেমনই থাকে।

কাজ: একটি খসড়া স্ন্যাপশট নিন; নিয়ে সঙ্গে সঙ্গে প্রকাশ করুন; অথবা আগে নেওয়া খসড়াটি প্রকাশ করুন। শুধু একজন IMIS প্রশাসক স্ন্যাপশট লিখতে পারেন।</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>সারসংক্ষেপ</translation>
    </message>
    <message>
      <source>Summary per grid cell</source>
      <translation>গ্রিড সেলভিত্তিক সারসংক্ষেপ</translation>
    </message>
    <message>
      <source>Summary per ward</source>
      <translation>ওয়ার্ডভিত্তিক সারসংক্ষেপ</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>টেবিল</translation>
    </message>
    <message>
      <source>Tables or views (comma-separated)</source>
      <translation>টেবিল বা ভিউ (কমা দিয়ে আলাদা)</translation>
    </message>
    <message>
      <source>Take a draft snapshot</source>
      <translation>একটি খসড়া স্ন্যাপশট নিন</translation>
    </message>
    <message>
      <source>Take a snapshot and publish it</source>
      <translation>স্ন্যাপশট নিন ও প্রকাশ করুন</translation>
    </message>
    <message>
      <source>The area layer has no polygon (or none is selected).</source>
      <translation>এলাকার লেয়ারে কোনো পলিগন নেই (বা কোনোটি নির্বাচিত নয়)।</translation>
    </message>
    <message>
      <source>The area layer has no polygon.</source>
      <translation>এলাকার লেয়ারে কোনো পলিগন নেই।</translation>
    </message>
    <message>
      <source>The database connection string contains a secret credential. Processing records its parameters in the history and the log, so IMIS refuses it: put the credential in ~/.pgpass or in a pg_service.conf entry and give the service name instead.</source>
      <translation>ডাটাবেস সংযোগ স্ট্রিংয়ে গোপন তথ্য আছে। প্রসেসিং তার প্যারামিটারগুলো ইতিহাস ও লগে লিখে রাখে, তাই IMIS এটি গ্রহণ করে না: গোপন তথ্য ~/.pgpass-এ বা pg_service.conf-এর একটি এন্ট্রিতে রাখুন এবং এর বদলে সার্ভিসের নাম দিন।</translation>
    </message>
    <message>
      <source>The database is not at the head revision: run Upgrade database.</source>
      <translation>ডাটাবেস সর্বশেষ সংস্করণে নেই: “ডাটাবেস হালনাগাদ” চালান।</translation>
    </message>
    <message>
      <source>The indicators of {} are not published in IMIS ({}): publish the year first (Publish a year's indicators), then send it.</source>
      <translation>{}-এর সূচক IMIS-এ প্রকাশিত হয়নি ({}): আগে বছরটি প্রকাশ করুন (“এক বছরের সূচক প্রকাশ”), তারপর পাঠান।</translation>
    </message>
    <message>
      <source>The indicators of {} are published and locked.</source>
      <translation>{}-এর সূচক প্রকাশিত ও লক করা।</translation>
    </message>
    <message>
      <source>The monthly report every service provider produces: applications received, emptyings, volume, trips, revenue, response time (and the share within the city's target), disposals at treatment plants and their confirmation by the plant, customer feedback (satisfaction, PPE), scheduled stops confirmed or declined, and the open and overdue jobs today. Each ratio shows its numerator and denominator.

Writes Excel (a summary sheet and the month's jobs) and, when chosen, a PDF made with a QGIS print layout (figures, a map of the month's emptyings, the jobs).</source>
      <translation>প্রতিটি সেবা প্রদানকারীর মাসিক প্রতিবেদন: পাওয়া আবেদন, খালিকরণ, পরিমাণ, ট্রিপ, রাজস্ব, সাড়া দেওয়ার সময় (এবং শহরের লক্ষ্যের মধ্যে থাকা অংশ), শোধনাগারে নিষ্কাশন ও শোধনাগারের নিশ্চিতকরণ, গ্রাহকের মতামত (সন্তুষ্টি, পিপিই), নিশ্চিত বা প্রত্যাখ্যাত নির্ধারিত স্টপ, এবং আজকের চলমান ও বিলম্বিত কাজ। প্রতিটি অনুপাত তার লব ও হর দেখায়।

Excel লেখে (একটি সারসংক্ষেপ শিট ও মাসের কাজগুলো) এবং বেছে নিলে QGIS প্রিন্ট লেআউটে তৈরি একটি PDF (সংখ্যা, মাসের খালিকরণের একটি মানচিত্র, কাজগুলো)।</translation>
    </message>
    <message>
      <source>The network is made of</source>
      <translation>নেটওয়ার্কের ধরন</translation>
    </message>
    <message>
      <source>The period ends ({}) before it starts ({}).</source>
      <translation>সময়কাল শুরুর ({1}) আগেই শেষ হয়ে যায় ({0})।</translation>
    </message>
    <message>
      <source>The yearly indicators of every city the national database reads (imis national link), as the National Sanitation Dashboard takes them: the same payload each city would send itself, built from the cities' published snapshots only.

Database: the NATIONAL database (a pg_service name). City: one linked city, or empty for all. Year: 0 takes each city's latest published year. A city without that published year, or that cannot be read now, is skipped and named in the log; the others still come out. Sending stays with each city's own 'National dashboard feed' or `imis national feed --send`.</source>
      <translation>জাতীয় ডাটাবেস যেসব শহরের তথ্য পড়ে (imis national link) তাদের প্রত্যেকের বার্ষিক সূচক, জাতীয় স্যানিটেশন ড্যাশবোর্ড যেভাবে নেয় সেভাবে: প্রতিটি শহর নিজে যে তথ্য পাঠাত হুবহু তা-ই, শুধু শহরগুলোর প্রকাশিত স্ন্যাপশট থেকে তৈরি।

ডাটাবেস: জাতীয় (NATIONAL) ডাটাবেস (একটি pg_service নাম)। শহর: একটি সংযুক্ত শহর, বা সবগুলোর জন্য ফাঁকা। বছর: 0 দিলে প্রতিটি শহরের সর্বশেষ প্রকাশিত বছর নেয়। যে শহরের ওই বছরের প্রকাশিত তথ্য নেই, বা এখন পড়া যাচ্ছে না, তা বাদ পড়ে এবং লগে তার নাম থাকে; বাকিগুলো ঠিকই আসে। পাঠানোর কাজ প্রতিটি শহরের নিজস্ব ‘জাতীয় ড্যাশবোর্ড ফিড’ বা `imis national feed --send` দিয়েই হয়।</translation>
    </message>
    <message>
      <source>The yearly indicators of the city as the National Sanitation Dashboard takes them: {city, year, indicators: [{code, name, outcome, value}]}, written as JSON and/or CSV. The values come from the year's snapshot (see Publish a year's indicators) when there is one, else they are computed now; the log says which.

Send: posts the feed to the dashboard API. Only a year published in IMIS is sent, and the client first asks the dashboard whether it has already published that year: a published year is never overwritten. The endpoint and the credential come from a QGIS authentication configuration (its URL is the endpoint; method 'ESRI token' or 'Basic'), or from the environment variables IMIS_DASHBOARD_URL and IMIS_DASHBOARD_TOKEN; never from a project file.</source>
      <translation>জাতীয় স্যানিটেশন ড্যাশবোর্ড যেভাবে নেয় সেভাবে শহরের বার্ষিক সূচক: {city, year, indicators: [{code, name, outcome, value}]}, JSON এবং/অথবা CSV আকারে লেখা। বছরের স্ন্যাপশট থাকলে মানগুলো সেখান থেকে আসে (দেখুন “এক বছরের সূচক প্রকাশ”), না থাকলে এখনই হিসাব করা হয়; কোনটি হয়েছে তা লগে লেখা থাকে।

পাঠানো: ফিডটি ড্যাশবোর্ডের API-তে পাঠায়। শুধু IMIS-এ প্রকাশিত বছরই পাঠানো হয়, এবং ক্লায়েন্ট আগে ড্যাশবোর্ডকে জিজ্ঞেস করে বছরটি সেখানে আগেই প্রকাশিত কি না: প্রকাশিত বছর কখনো মুছে নতুন লেখা হয় না। এন্ডপয়েন্ট ও গোপন তথ্য আসে একটি QGIS প্রমাণীকরণ কনফিগারেশন থেকে (এর URL-ই এন্ডপয়েন্ট; পদ্ধতি 'ESRI token' বা 'Basic'), অথবা IMIS_DASHBOARD_URL ও IMIS_DASHBOARD_TOKEN এনভায়রনমেন্ট ভেরিয়েবল থেকে; কখনো প্রকল্প ফাইল থেকে নয়।</translation>
    </message>
    <message>
      <source>The {} view could not be opened as a layer: is the database at the head revision (Upgrade database)?</source>
      <translation>{} ভিউটি লেয়ার হিসেবে খোলা যায়নি: ডাটাবেস কি সর্বশেষ সংস্করণে আছে (“ডাটাবেস হালনাগাদ”)?</translation>
    </message>
    <message>
      <source>This database has no IMIS city yet (first install): set the SRID parameter to the city's projected CRS in metres, for example 32645 (WGS 84 / UTM zone 45N) or 32646 (UTM zone 46N).</source>
      <translation>এই ডাটাবেসে এখনো কোনো IMIS শহর নেই (প্রথম স্থাপন): SRID প্যারামিটারে মিটার এককের শহরের প্রজেক্টেড CRS দিন, যেমন 32645 (WGS 84 / UTM zone 45N) বা 32646 (UTM zone 46N)।</translation>
    </message>
    <message>
      <source>To</source>
      <translation>পর্যন্ত</translation>
    </message>
    <message>
      <source>To (its last day)</source>
      <translation>পর্যন্ত (এর শেষ দিন)</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>শেষ তারিখ</translation>
    </message>
    <message>
      <source>Toilet key field</source>
      <translation>টয়লেটের কী ফিল্ড</translation>
    </message>
    <message>
      <source>Toilet label field</source>
      <translation>টয়লেটের নামের ফিল্ড</translation>
    </message>
    <message>
      <source>Total due (BDT)</source>
      <translation>মোট পরিশোধযোগ্য (টাকা)</translation>
    </message>
    <message>
      <source>Truck-km</source>
      <translation>ট্রাক-কিমি</translation>
    </message>
    <message>
      <source>Truck-km per m3</source>
      <translation>প্রতি ঘনমিটারে ট্রাক-কিমি</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>অপরিবর্তিত</translation>
    </message>
    <message>
      <source>Unchanged rows</source>
      <translation>অপরিবর্তিত সারি</translation>
    </message>
    <message>
      <source>Up to date</source>
      <translation>হালনাগাদ আছে</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>হালনাগাদ করা হয়েছে</translation>
    </message>
    <message>
      <source>Upgrade database</source>
      <translation>ডাটাবেস হালনাগাদ</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>মান</translation>
    </message>
    <message>
      <source>Values written</source>
      <translation>লেখা মান</translation>
    </message>
    <message>
      <source>Vehicle access</source>
      <translation>গাড়ির প্রবেশযোগ্যতা</translation>
    </message>
    <message>
      <source>Vehicle width (m)</source>
      <translation>গাড়ির প্রস্থ (মিটার)</translation>
    </message>
    <message>
      <source>Walking distance threshold (m)</source>
      <translation>হাঁটার দূরত্বের সীমা (মিটার)</translation>
    </message>
    <message>
      <source>Walking distances per toilet</source>
      <translation>টয়লেটভিত্তিক হাঁটার দূরত্ব</translation>
    </message>
    <message>
      <source>Ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Ward disease rates</source>
      <translation>ওয়ার্ডভিত্তিক রোগের হার</translation>
    </message>
    <message>
      <source>Ward label field</source>
      <translation>ওয়ার্ডের নামের ফিল্ড</translation>
    </message>
    <message>
      <source>Ward number</source>
      <translation>ওয়ার্ড নম্বর</translation>
    </message>
    <message>
      <source>Ward number (empty: all)</source>
      <translation>ওয়ার্ড নম্বর (ফাঁকা: সব)</translation>
    </message>
    <message>
      <source>Ward number (empty: the whole city)</source>
      <translation>ওয়ার্ড নম্বর (ফাঁকা: সম্পূর্ণ শহর)</translation>
    </message>
    <message>
      <source>Ward number or low-income community code</source>
      <translation>ওয়ার্ড নম্বর বা নিম্ন-আয়ের জনগোষ্ঠীর কোড</translation>
    </message>
    <message>
      <source>Ward numbers (e.g. 3, 4)</source>
      <translation>ওয়ার্ড নম্বর (যেমন 3, 4)</translation>
    </message>
    <message>
      <source>Ward numbers: write whole numbers separated by commas.</source>
      <translation>ওয়ার্ড নম্বর: কমা দিয়ে আলাদা করে পূর্ণসংখ্যা লিখুন।</translation>
    </message>
    <message>
      <source>Wards</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Wards: give ward numbers separated by commas, e.g. 3,4,7.</source>
      <translation>ওয়ার্ড: কমা দিয়ে আলাদা করে ওয়ার্ড নম্বর দিন, যেমন 3,4,7।</translation>
    </message>
    <message>
      <source>Water billing run</source>
      <translation>পানির বিল প্রস্তুত</translation>
    </message>
    <message>
      <source>Water bodies</source>
      <translation>জলাশয়</translation>
    </message>
    <message>
      <source>Water body label field</source>
      <translation>জলাশয়ের নামের ফিল্ড</translation>
    </message>
    <message>
      <source>Water connections</source>
      <translation>পানির সংযোগ</translation>
    </message>
    <message>
      <source>Water point label field</source>
      <translation>পানির উৎসের নামের ফিল্ড</translation>
    </message>
    <message>
      <source>Water points (wells, tube wells)</source>
      <translation>পানির উৎস (কুয়া, নলকূপ)</translation>
    </message>
    <message>
      <source>Water register (Excel)</source>
      <translation>পানির রেজিস্টার (Excel)</translation>
    </message>
    <message>
      <source>Where the values come from</source>
      <translation>মানগুলোর উৎস</translation>
    </message>
    <message>
      <source>Where to compute</source>
      <translation>কোথায় হিসাব হবে</translation>
    </message>
    <message>
      <source>Whole city</source>
      <translation>সম্পূর্ণ শহর</translation>
    </message>
    <message>
      <source>Withdraw the sign-off instead</source>
      <translation>এর বদলে অনুমোদন প্রত্যাহার করুন</translation>
    </message>
    <message>
      <source>Work orders</source>
      <translation>কার্যাদেশ</translation>
    </message>
    <message>
      <source>Work orders: {} sheets, {} stops</source>
      <translation>কার্যাদেশ: {}টি শিট, {}টি স্টপ</translation>
    </message>
    <message>
      <source>Workbook written: {}</source>
      <translation>ওয়ার্কবুক লেখা হয়েছে: {}</translation>
    </message>
    <message>
      <source>Working hours a day</source>
      <translation>দিনে কাজের ঘণ্টা</translation>
    </message>
    <message>
      <source>Writes a QGIS project with every IMIS layer of the database, in groups (boundaries, buildings and holdings, sanitation, networks, FSM service chain, revenue, analysis results), styled by their code lists with scale-dependent labels, with tabbed attribute forms, relations (building to containments, holdings and owners, and the service chain of applications), value lists, date pickers and the database's rules as form constraints.

Layers connect through the database parameter as given: a pg_service name keeps every connection detail out of the project, and an authentication configuration lets QGIS supply the login from its own protected store. Tables the connecting role may not change are read-only layers.

Open the project at the end to start working with it.</source>
      <translation>ডাটাবেসের সব IMIS লেয়ারসহ একটি QGIS প্রকল্প লেখে, গ্রুপে ভাগ করে (সীমানা, ভবন ও হোল্ডিং, স্যানিটেশন, নেটওয়ার্ক, এফএসএম সেবা শৃঙ্খল, রাজস্ব, বিশ্লেষণের ফলাফল), কোড তালিকা অনুযায়ী স্টাইল ও স্কেলনির্ভর লেবেলসহ, ট্যাবযুক্ত অ্যাট্রিবিউট ফর্ম, সম্পর্ক (ভবন থেকে কন্টেইনমেন্ট, হোল্ডিং ও মালিক, এবং আবেদনের সেবা শৃঙ্খল), মানের তালিকা, তারিখ বাছাইয়ের ঘর এবং ফর্মের শর্ত হিসেবে ডাটাবেসের নিয়মসহ।

লেয়ারগুলো দেওয়া ডাটাবেস প্যারামিটার দিয়েই সংযোগ করে: pg_service নাম দিলে সংযোগের কোনো তথ্য প্রকল্পে থাকে না, আর প্রমাণীকরণ কনফিগারেশন দিলে QGIS তার নিজের সুরক্ষিত ভান্ডার থেকে লগইন দেয়। সংযোগকারী ভূমিকা যেসব টেবিল বদলাতে পারে না সেগুলো শুধু পড়ার যোগ্য লেয়ার।

কাজ শুরু করতে শেষে প্রকল্পটি খুলুন।</translation>
    </message>
    <message>
      <source>Writes a folder (and a zip next to it) that QField opens directly: a QGIS project on one offline GeoPackage, with the IMIS forms, value lists, relations and photo fields (saved under DCIM/).

Purpose 'Building and containment survey' holds the buildings, containments and their links of the area for editing; 'Emptying forms of a service provider' holds that provider's open jobs (applications, assessments, emptyings, feedback) for editing and, read-only, the buildings and containments they concern and its vehicles. Roads, wards and water bodies come along read-only as background. A provider package shows no owners, population or national IDs.

The area is ward numbers, a low-income community code or the polygons of a layer; without one the whole city is packed. The field user is the database login whose edits these will be: the audit trail names it when the package comes back (Import field edits). The package holds no connection details; the database records what it holds so that the import can tell field edits from office ones.</source>
      <translation>এমন একটি ফোল্ডার (ও তার পাশে একটি zip) লেখে যা QField সরাসরি খোলে: একটি অফলাইন GeoPackage-এর ওপর একটি QGIS প্রকল্প, IMIS ফর্ম, মানের তালিকা, সম্পর্ক ও ছবির ফিল্ডসহ (DCIM/ ফোল্ডারে সংরক্ষিত)।

উদ্দেশ্য ‘ভবন ও কন্টেইনমেন্ট জরিপ’-এ এলাকার ভবন, কন্টেইনমেন্ট ও তাদের সংযোগ সম্পাদনার জন্য থাকে; ‘একটি সেবা প্রদানকারীর খালিকরণের ফর্ম’-এ সেই প্রদানকারীর চলমান কাজ (আবেদন, মূল্যায়ন, খালিকরণ, মতামত) সম্পাদনার জন্য এবং সংশ্লিষ্ট ভবন, কন্টেইনমেন্ট ও তার গাড়িগুলো শুধু পড়ার জন্য থাকে। সড়ক, ওয়ার্ড ও জলাশয় পটভূমি হিসেবে শুধু পড়ার জন্য আসে। সেবা প্রদানকারীর প্যাকেজে মালিক, জনসংখ্যা বা জাতীয় পরিচয়পত্র নম্বর দেখানো হয় না।

এলাকা হলো ওয়ার্ড নম্বর, একটি নিম্ন-আয়ের জনগোষ্ঠীর কোড বা একটি লেয়ারের পলিগন; কোনোটি না দিলে সম্পূর্ণ শহর প্যাক করা হয়। মাঠের ব্যবহারকারী হলো সেই ডাটাবেস লগইন যার নামে এই সম্পাদনাগুলো হবে: প্যাকেজ ফেরত এলে অডিট রেকর্ডে তার নাম থাকে (“মাঠের সম্পাদনা ইমপোর্ট”)। প্যাকেজে সংযোগের কোনো তথ্য থাকে না; ডাটাবেস লিখে রাখে প্যাকেজে কী আছে, যাতে ইমপোর্টের সময় মাঠের সম্পাদনা ও অফিসের সম্পাদনা আলাদা করা যায়।</translation>
    </message>
    <message>
      <source>Writes an emptying schedule's work orders to Excel: one sheet per service provider and day, the stops of each vehicle in driving order with the containment, building, address, customer and phone, the expected volume and truck loads, what the fill model estimated, and empty columns for the volume emptied, the receipt and remarks. Declined stops are left out.</source>
      <translation>একটি খালিকরণ সময়সূচির কার্যাদেশ Excel-এ লেখে: প্রতিটি সেবা প্রদানকারী ও দিনের জন্য একটি শিট, প্রতিটি গাড়ির স্টপগুলো চলার ক্রমে — কন্টেইনমেন্ট, ভবন, ঠিকানা, গ্রাহক ও ফোনসহ, প্রত্যাশিত পরিমাণ ও ট্রাক বোঝাই, ভরাট মডেল যা অনুমান করেছে, এবং খালিকৃত পরিমাণ, রসিদ ও মন্তব্যের জন্য ফাঁকা কলাম। প্রত্যাখ্যাত স্টপগুলো বাদ থাকে।</translation>
    </message>
    <message>
      <source>Writes the city's ward figures for a month, quarter or year as a DHIS2 data-value set (JSON, or CSV by the file extension) that a health information system can import.

The mapping file names the DHIS2 org unit of each ward ("org_units") and, under "export", the data element of each figure: population, cases, rate_per_1000, relative_risk, containments, unsafe_containments, samples, positive_samples. Wards without an org unit are left out.</source>
      <translation>শহরের ওয়ার্ডভিত্তিক সংখ্যা এক মাস, ত্রৈমাসিক বা বছরের জন্য একটি DHIS2 data-value set হিসেবে লেখে (JSON, বা ফাইলের এক্সটেনশন অনুযায়ী CSV), যা কোনো স্বাস্থ্য তথ্য ব্যবস্থা ইমপোর্ট করতে পারে।

ম্যাপিং ফাইল প্রতিটি ওয়ার্ডের DHIS2 org unit ("org_units") এবং "export"-এর অধীনে প্রতিটি সংখ্যার data element বলে দেয়: population, cases, rate_per_1000, relative_risk, containments, unsafe_containments, samples, positive_samples। org unit ছাড়া ওয়ার্ডগুলো বাদ থাকে।</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>লেখা হয়েছে</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>বছর</translation>
    </message>
    <message>
      <source>Year (0: each city's latest published year)</source>
      <translation>বছর (0: প্রতিটি শহরের সর্বশেষ প্রকাশিত বছর)</translation>
    </message>
    <message>
      <source>Zip for QField</source>
      <translation>QField-এর জন্য zip</translation>
    </message>
    <message>
      <source>all</source>
      <translation>সব</translation>
    </message>
    <message>
      <source>at least (≥)</source>
      <translation>অন্তত (≥)</translation>
    </message>
    <message>
      <source>at most (≤)</source>
      <translation>সর্বোচ্চ (≤)</translation>
    </message>
    <message>
      <source>connection field: choose it</source>
      <translation>সংযোগ ফিল্ড: এটি বেছে নিন</translation>
    </message>
    <message>
      <source>contains (text, any case)</source>
      <translation>ধারণ করে (লেখা, ছোট-বড় হাতের অক্ষর নির্বিশেষে)</translation>
    </message>
    <message>
      <source>differs from (≠)</source>
      <translation>ভিন্ন (≠)</translation>
    </message>
    <message>
      <source>drains</source>
      <translation>ড্রেন</translation>
    </message>
    <message>
      <source>equals (=)</source>
      <translation>সমান (=)</translation>
    </message>
    <message>
      <source>greater than (&gt;)</source>
      <translation>এর বেশি (&gt;)</translation>
    </message>
    <message>
      <source>is empty</source>
      <translation>ফাঁকা</translation>
    </message>
    <message>
      <source>is not empty</source>
      <translation>ফাঁকা নয়</translation>
    </message>
    <message>
      <source>is one of (comma-separated values)</source>
      <translation>এগুলোর যেকোনো একটি (কমা দিয়ে আলাদা মান)</translation>
    </message>
    <message>
      <source>less than (&lt;)</source>
      <translation>এর কম (&lt;)</translation>
    </message>
    <message>
      <source>no</source>
      <translation>না</translation>
    </message>
    <message>
      <source>none</source>
      <translation>কোনোটি নয়</translation>
    </message>
    <message>
      <source>none (empty database)</source>
      <translation>নেই (খালি ডাটাবেস)</translation>
    </message>
    <message>
      <source>none: empty database</source>
      <translation>নেই: খালি ডাটাবেস</translation>
    </message>
    <message>
      <source>not installed</source>
      <translation>স্থাপন করা নেই</translation>
    </message>
    <message>
      <source>pgRouting</source>
      <translation>pgRouting</translation>
    </message>
    <message>
      <source>pgRouting version</source>
      <translation>pgRouting সংস্করণ</translation>
    </message>
    <message>
      <source>pgRouting {}</source>
      <translation>pgRouting {}</translation>
    </message>
    <message>
      <source>sewers</source>
      <translation>সুয়ারেজ লাইন</translation>
    </message>
    <message>
      <source>starts with (text, any case)</source>
      <translation>দিয়ে শুরু (লেখা, ছোট-বড় হাতের অক্ষর নির্বিশেষে)</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>হ্যাঁ</translation>
    </message>
    <message>
      <source>{read} values read: {inserted} new, {updated} changed, {unchanged} unchanged</source>
      <translation>{read}টি মান পড়া হয়েছে: {inserted}টি নতুন, {updated}টি পরিবর্তিত, {unchanged}টি অপরিবর্তিত</translation>
    </message>
    <message>
      <source>{} bills printed to {}</source>
      <translation>{}টি বিল মুদ্রিত হয়েছে: {}</translation>
    </message>
    <message>
      <source>{} buildings within {} m are not connected.</source>
      <translation>{1} মিটারের মধ্যে {0}টি ভবন সংযুক্ত নয়।</translation>
    </message>
    <message>
      <source>{} containments not emptied for {} years.</source>
      <translation>{}টি কন্টেইনমেন্ট {} বছর ধরে খালি করা হয়নি।</translation>
    </message>
    <message>
      <source>{} containments within {} m of water.</source>
      <translation>পানির {1} মিটারের মধ্যে {0}টি কন্টেইনমেন্ট।</translation>
    </message>
    <message>
      <source>{} dependent buildings, {} beyond {} m.</source>
      <translation>{}টি নির্ভরশীল ভবন, {}টি {} মিটারের বেশি দূরে।</translation>
    </message>
    <message>
      <source>{} features match.</source>
      <translation>{}টি ফিচার শর্ত মেলে।</translation>
    </message>
    <message>
      <source>{} features within {} m.</source>
      <translation>{1} মিটারের মধ্যে {0}টি ফিচার।</translation>
    </message>
    <message>
      <source>{} figures stored for {}.</source>
      <translation>{1}-এর জন্য {0}টি সংখ্যা সংরক্ষিত।</translation>
    </message>
    <message>
      <source>{} indicators of {} {} ({})</source>
      <translation>{1} {2}-এর {0}টি সূচক ({3})</translation>
    </message>
    <message>
      <source>{} layers ({} read-only), {} relations</source>
      <translation>{}টি লেয়ার ({}টি শুধু পড়ার যোগ্য), {}টি সম্পর্ক</translation>
    </message>
    <message>
      <source>{} rows were rejected, so nothing was written. The report lists them: {}</source>
      <translation>{}টি সারি বাতিল হয়েছে, তাই কিছুই লেখা হয়নি। প্রতিবেদনে সেগুলোর তালিকা আছে: {}</translation>
    </message>
    <message>
      <source>{} sheets, {} stops</source>
      <translation>{}টি শিট, {}টি স্টপ</translation>
    </message>
    <message>
      <source>{} values written to {}</source>
      <translation>{}টি মান লেখা হয়েছে: {}</translation>
    </message>
    <message>
      <source>{}, {}: computing the indicators</source>
      <translation>{}, {}: সূচক হিসাব করা হচ্ছে</translation>
    </message>
    <message>
      <source>{}: no value ({})</source>
      <translation>{}: কোনো মান নেই ({})</translation>
    </message>
    <message>
      <source>{}: skipped, {}</source>
      <translation>{}: বাদ দেওয়া হয়েছে, {}</translation>
    </message>
    <message>
      <source>{}: {} cannot be reached.</source>
      <translation>{}: {}টিতে পৌঁছানো যায় না।</translation>
    </message>
    <message>
      <source>{}: {} features</source>
      <translation>{}: {}টি ফিচার</translation>
    </message>
    <message>
      <source>{}: {} indicators of {} {}</source>
      <translation>{0}: {2} {3}-এর {1}টি সূচক</translation>
    </message>
    <message>
      <source>{}: {} rows</source>
      <translation>{}: {}টি সারি</translation>
    </message>
  </context>
  <context>
    <name>ImisProject</name>
    <message>
      <source>Adding layer {}</source>
      <translation>{} লেয়ার যোগ হচ্ছে</translation>
    </message>
    <message>
      <source>Analysis results</source>
      <translation>বিশ্লেষণের ফলাফল</translation>
    </message>
    <message>
      <source>Applications</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Assessments</source>
      <translation>মূল্যায়ন</translation>
    </message>
    <message>
      <source>Boundaries</source>
      <translation>সীমানা</translation>
    </message>
    <message>
      <source>Building-containment links</source>
      <translation>ভবন-কন্টেইনমেন্ট সংযোগ</translation>
    </message>
    <message>
      <source>Building-holding links</source>
      <translation>ভবন-হোল্ডিং সংযোগ</translation>
    </message>
    <message>
      <source>Building-toilet links</source>
      <translation>ভবন-টয়লেট সংযোগ</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings and holdings</source>
      <translation>ভবন ও হোল্ডিং</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>বাতিল করা হয়েছে।</translation>
    </message>
    <message>
      <source>Cannot write {}: {}</source>
      <translation>{} লেখা যায়নি: {}</translation>
    </message>
    <message>
      <source>City boundary</source>
      <translation>শহরের সীমানা</translation>
    </message>
    <message>
      <source>Code lists</source>
      <translation>কোড তালিকা</translation>
    </message>
    <message>
      <source>Community and public toilets</source>
      <translation>কমিউনিটি ও পাবলিক টয়লেট</translation>
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Creating relations</source>
      <translation>সম্পর্ক তৈরি হচ্ছে</translation>
    </message>
    <message>
      <source>Disposals</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Drains</source>
      <translation>ড্রেন</translation>
    </message>
    <message>
      <source>Employees</source>
      <translation>কর্মচারী</translation>
    </message>
    <message>
      <source>Emptying crews</source>
      <translation>খালিকরণ কর্মী দল</translation>
    </message>
    <message>
      <source>Emptyings</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>FSM service chain</source>
      <translation>এফএসএম সেবা শৃঙ্খল</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>মতামত</translation>
    </message>
    <message>
      <source>Holdings</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holidays</source>
      <translation>ছুটির দিন</translation>
    </message>
    <message>
      <source>IMIS – {}</source>
      <translation>IMIS – {}</translation>
    </message>
    <message>
      <source>Low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Networks</source>
      <translation>নেটওয়ার্ক</translation>
    </message>
    <message>
      <source>No IMIS data schema found (or no right to read it): upgrade the database first (Upgrade database) or connect as an IMIS role.</source>
      <translation>কোনো IMIS ডাটা স্কিমা পাওয়া যায়নি (বা পড়ার অনুমতি নেই): আগে ডাটাবেস হালনাগাদ করুন অথবা একটি IMIS ভূমিকা দিয়ে সংযোগ করুন।</translation>
    </message>
    <message>
      <source>Other data</source>
      <translation>অন্যান্য তথ্য</translation>
    </message>
    <message>
      <source>Owners</source>
      <translation>মালিক</translation>
    </message>
    <message>
      <source>Project written: {}</source>
      <translation>প্রকল্প লেখা হয়েছে: {}</translation>
    </message>
    <message>
      <source>Reading the database catalog</source>
      <translation>ডাটাবেসের তালিকা পড়া হচ্ছে</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>রাজস্ব</translation>
    </message>
    <message>
      <source>Roads</source>
      <translation>সড়ক</translation>
    </message>
    <message>
      <source>Sanitation</source>
      <translation>স্যানিটেশন</translation>
    </message>
    <message>
      <source>Service providers</source>
      <translation>সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>সেটিংস</translation>
    </message>
    <message>
      <source>Sewers</source>
      <translation>সুয়ারেজ লাইন</translation>
    </message>
    <message>
      <source>Styles and forms</source>
      <translation>স্টাইল ও ফর্ম</translation>
    </message>
    <message>
      <source>Styling {}</source>
      <translation>{} সাজানো হচ্ছে</translation>
    </message>
    <message>
      <source>The connection string contains a secret credential; a project would store it. Use a pg_service name or a QGIS authentication configuration instead.</source>
      <translation>সংযোগ স্ট্রিংয়ে গোপন তথ্য আছে; প্রকল্প তা সংরক্ষণ করে ফেলবে। এর বদলে pg_service নাম বা QGIS প্রমাণীকরণ কনফিগারেশন ব্যবহার করুন।</translation>
    </message>
    <message>
      <source>Treatment plant tests</source>
      <translation>শোধনাগারের পরীক্ষা</translation>
    </message>
    <message>
      <source>Treatment plants</source>
      <translation>শোধনাগার</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>ব্যবহারকারী</translation>
    </message>
    <message>
      <source>Vehicles</source>
      <translation>গাড়ি</translation>
    </message>
    <message>
      <source>Wards</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Water and environment</source>
      <translation>পানি ও পরিবেশ</translation>
    </message>
    <message>
      <source>Water bodies</source>
      <translation>জলাশয়</translation>
    </message>
    <message>
      <source>Water points</source>
      <translation>পানির উৎস</translation>
    </message>
    <message>
      <source>Waterlogging areas</source>
      <translation>জলাবদ্ধ এলাকা</translation>
    </message>
    <message>
      <source>Writing {}</source>
      <translation>{} লেখা হচ্ছে</translation>
    </message>
    <message>
      <source>{} of {}</source>
      <translation>{1}-এর {0}</translation>
    </message>
  </context>
  <context>
    <name>ImisProvider</name>
    <message>
      <source>Cannot load the Processing script {}:
{}</source>
      <translation>প্রসেসিং স্ক্রিপ্ট {} লোড করা যায়নি:
{}</translation>
    </message>
    <message>
      <source>{} defines several algorithms ({}); one per script is expected</source>
      <translation>{}-এ একাধিক অ্যালগরিদম আছে ({}); প্রতি স্ক্রিপ্টে একটি থাকার কথা</translation>
    </message>
  </context>
  <context>
    <name>ImisQField</name>
    <message>
      <source>Background (read-only)</source>
      <translation>পটভূমি (শুধু পড়ার যোগ্য)</translation>
    </message>
    <message>
      <source>Code lists</source>
      <translation>কোড তালিকা</translation>
    </message>
    <message>
      <source>Emptying forms</source>
      <translation>খালিকরণের ফর্ম</translation>
    </message>
    <message>
      <source>Field work</source>
      <translation>মাঠের কাজ</translation>
    </message>
    <message>
      <source>Survey</source>
      <translation>জরিপ</translation>
    </message>
    <message>
      <source>drawn area</source>
      <translation>আঁকা এলাকা</translation>
    </message>
    <message>
      <source>low-income community</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>whole city</source>
      <translation>সম্পূর্ণ শহর</translation>
    </message>
  </context>
  <context>
    <name>ImisServiceQueue</name>
    <message>
      <source>All jobs</source>
      <translation>সব কাজ</translation>
    </message>
    <message>
      <source>All providers</source>
      <translation>সকল সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>All wards</source>
      <translation>সকল ওয়ার্ড</translation>
    </message>
    <message>
      <source>Applied</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Ask feedback</source>
      <translation>মতামত নিন</translation>
    </message>
    <message>
      <source>Assess</source>
      <translation>মূল্যায়ন করুন</translation>
    </message>
    <message>
      <source>Assessed</source>
      <translation>মূল্যায়িত</translation>
    </message>
    <message>
      <source>BIN</source>
      <translation>BIN</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>বাতিল</translation>
    </message>
    <message>
      <source>Cannot read the jobs: {}</source>
      <translation>কাজগুলো পড়া গেল না: {}</translation>
    </message>
    <message>
      <source>Choose a job first.</source>
      <translation>আগে একটি কাজ বেছে নিন।</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>সমাপ্ত</translation>
    </message>
    <message>
      <source>Containment</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Disposed</source>
      <translation>নিষ্কাশিত</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>শেষ সময়</translation>
    </message>
    <message>
      <source>Emptied</source>
      <translation>খালিকৃত</translation>
    </message>
    <message>
      <source>Empty</source>
      <translation>খালি করুন</translation>
    </message>
    <message>
      <source>FSM jobs by state with their next action; overdue jobs flagged</source>
      <translation>অবস্থা অনুযায়ী এফএসএম কাজ ও তাদের পরবর্তী পদক্ষেপ; বিলম্বিত কাজ চিহ্নিত</translation>
    </message>
    <message>
      <source>IMIS service queue</source>
      <translation>IMIS সেবার সারি</translation>
    </message>
    <message>
      <source>Job</source>
      <translation>কাজ</translation>
    </message>
    <message>
      <source>Job {} needs no further step.</source>
      <translation>কাজ {}-এর আর কোনো ধাপ বাকি নেই।</translation>
    </message>
    <message>
      <source>Next action</source>
      <translation>পরবর্তী পদক্ষেপ</translation>
    </message>
    <message>
      <source>Next action…</source>
      <translation>পরবর্তী পদক্ষেপ…</translation>
    </message>
    <message>
      <source>No jobs.</source>
      <translation>কোনো কাজ নেই।</translation>
    </message>
    <message>
      <source>Open jobs</source>
      <translation>চলমান কাজ</translation>
    </message>
    <message>
      <source>Open the IMIS project first (IMIS &gt; Create IMIS project): {} is not in this project.</source>
      <translation>আগে IMIS প্রকল্প খুলুন (IMIS &gt; IMIS প্রকল্প তৈরি করুন): {} এই প্রকল্পে নেই।</translation>
    </message>
    <message>
      <source>Open the form of the job's next step, pre-filled</source>
      <translation>কাজের পরবর্তী ধাপের ফর্ম আগে থেকে পূরণ করা অবস্থায় খুলুন</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>বিলম্ব</translation>
    </message>
    <message>
      <source>Overdue only</source>
      <translation>শুধু বিলম্বিত</translation>
    </message>
    <message>
      <source>Overdue: {}</source>
      <translation>বিলম্বিত: {}</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>Record disposal</source>
      <translation>নিষ্কাশন লিখুন</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>হালনাগাদ করুন</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>সময় নির্ধারণ করুন</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>সময় নির্ধারিত</translation>
    </message>
    <message>
      <source>Service queue</source>
      <translation>সেবার সারি</translation>
    </message>
    <message>
      <source>State</source>
      <translation>অবস্থা</translation>
    </message>
    <message>
      <source>Ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>applied</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>applied from: any</source>
      <translation>আবেদনের তারিখ থেকে: যেকোনো</translation>
    </message>
    <message>
      <source>assessed</source>
      <translation>মূল্যায়িত</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>বাতিল</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>সমাপ্ত</translation>
    </message>
    <message>
      <source>disposed</source>
      <translation>নিষ্কাশিত</translation>
    </message>
    <message>
      <source>emptied</source>
      <translation>খালিকৃত</translation>
    </message>
    <message>
      <source>no feedback</source>
      <translation>মতামত নেওয়া হয়নি</translation>
    </message>
    <message>
      <source>not assessed in time</source>
      <translation>সময়মতো মূল্যায়ন হয়নি</translation>
    </message>
    <message>
      <source>not scheduled within the response target</source>
      <translation>সাড়া দেওয়ার লক্ষ্য-সময়ের মধ্যে সময় নির্ধারণ হয়নি</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>বিলম্বিত</translation>
    </message>
    <message>
      <source>response target missed</source>
      <translation>সাড়া দেওয়ার লক্ষ্য-সময় পেরিয়ে গেছে</translation>
    </message>
    <message>
      <source>scheduled</source>
      <translation>সময় নির্ধারিত</translation>
    </message>
    <message>
      <source>scheduled date passed without emptying</source>
      <translation>নির্ধারিত তারিখ পেরিয়ে গেছে, খালিকরণ হয়নি</translation>
    </message>
    <message>
      <source>to: any</source>
      <translation>পর্যন্ত: যেকোনো</translation>
    </message>
    <message>
      <source>{} jobs, {} overdue.</source>
      <translation>{}টি কাজ, {}টি বিলম্বিত।</translation>
    </message>
  </context>
  <context>
    <name>ImisStyles</name>
    <message>
      <source>Not recorded</source>
      <translation>লিপিবদ্ধ নেই</translation>
    </message>
  </context>
</TS>
